from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notifications_view, name="list"),
    path("bell/", views.bell_view, name="bell"),
    path("read-all/", views.notifications_read_all_view, name="read_all"),
    path("preferences/", views.preferences_view, name="preferences"),
    path("mentions/", views.mention_suggestions_view, name="mention_suggestions"),
    path("<int:pk>/", views.notification_open_view, name="open"),
    path("<int:pk>/read/", views.notification_read_view, name="read"),
]
