from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("", views.directory_view, name="directory"),
    path("<slug:handle>/", views.profile_view, name="profile"),
]
