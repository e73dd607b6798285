from django.urls import path

from . import views

app_name = "conversations"

urlpatterns = [
    path("", views.list_view, name="list"),
    path("settings/", views.settings_view, name="settings"),
    path("to/<str:handle>/", views.new_view, name="new"),
    path("<int:pk>/", views.detail_view, name="detail"),
    path("<int:pk>/accept/", views.request_answer_view, {"answer": "accept"}, name="accept"),
    path("<int:pk>/ignore/", views.request_answer_view, {"answer": "ignore"}, name="ignore"),
    path("<int:pk>/mute/", views.side_view, {"action": "mute"}, name="mute"),
    path("<int:pk>/unmute/", views.side_view, {"action": "unmute"}, name="unmute"),
    path("<int:pk>/leave/", views.side_view, {"action": "leave"}, name="leave"),
    path("message/<int:pk>/", views.message_view, name="message"),
    path("message/<int:pk>/edit/", views.edit_view, name="edit"),
    path("message/<int:pk>/delete/", views.delete_view, name="delete"),
]
