"""Routes of members' experiences, included first by treatments.urls (before <slug>/)."""

from django.urls import path

from . import experience_views as views

urlpatterns = [
    path("compare/", views.compare_view, name="compare"),
    path("my-experiences/", views.my_experiences_view, name="my_experiences"),
    path("my-experiences/start/", views.my_experience_start_view, name="my_experience_start"),
    path("<slug:slug>/my-experience/", views.experience_edit_view, name="experience_edit"),
    path(
        "<slug:slug>/my-experience/remove/",
        views.experience_delete_view,
        name="experience_delete",
    ),
    path("<slug:slug>/experiences/", views.experience_list_view, name="experiences"),
    path("<slug:slug>/experiences/<int:pk>/", views.experience_detail_view, name="experience"),
]
