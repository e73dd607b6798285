from django.urls import path

from . import experience_urls, views

app_name = "treatments"

# The member's own pages come before `<slug>/`: no catalogue treatment is called "my-questions".
urlpatterns = [
    path("", views.treatment_list_view, name="list"),
    path("my-questions/", views.care_list_view, name="care_list"),
    path("my-questions/print/", views.care_print_view, name="care_print"),
    path("my-questions/email/", views.care_email_view, name="care_email"),
    path("my-questions/clear/", views.care_clear_answered_view, name="care_clear"),
    path("my-questions/<int:pk>/move/", views.care_move_view, name="care_move"),
    path("my-questions/<int:pk>/answered/", views.care_answered_view, name="care_answered"),
    path("my-questions/<int:pk>/edit/", views.care_edit_view, name="care_edit"),
    path("my-questions/<int:pk>/delete/", views.care_delete_view, name="care_delete"),
    # Members' experiences and the compare page (compare/, my-experiences/, <slug>/...).
    *experience_urls.urlpatterns,
    path("<slug:slug>/", views.treatment_detail_view, name="detail"),
]
