from django.urls import path

from . import team_views, views

app_name = "activities"

urlpatterns = [
    path("activities/", views.feed_view, name="feed"),
    path("activities/post/", views.update_create_view, name="update_create"),
    path("activities/updates/<int:pk>/", views.update_detail_view, name="update"),
    path("activities/updates/<int:pk>/edit/", views.update_edit_view, name="update_edit"),
    path("activities/updates/<int:pk>/delete/", views.update_delete_view, name="update_delete"),
    path("activities/updates/<int:pk>/hug/", views.update_hug_view, name="update_hug"),
    path(
        "activities/updates/<int:pk>/comments/",
        views.comment_create_view,
        name="comment_create",
    ),
    path("activities/comments/<int:pk>/edit/", views.comment_edit_view, name="comment_edit"),
    path("activities/comments/<int:pk>/delete/", views.comment_delete_view, name="comment_delete"),
    path("members/<slug:handle>/activities/", views.member_activities_view, name="member"),
    path("team/", team_views.team_view, name="team"),
    path("team/ask/<slug:handle>/", team_views.team_request_view, name="team_request"),
    path("team/requests/<int:pk>/accept/", team_views.team_accept_view, name="team_accept"),
    path("team/requests/<int:pk>/ignore/", team_views.team_ignore_view, name="team_ignore"),
    path("team/requests/<int:pk>/withdraw/", team_views.team_withdraw_view, name="team_withdraw"),
    path("team/remove/<slug:handle>/", team_views.team_remove_view, name="team_remove"),
]
