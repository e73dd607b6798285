from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("", views.question_list_view, name="list"),
    path("ask/", views.ask_view, name="ask"),
    path("ask/check/", views.ask_check_view, name="ask_check"),
    path("following/", views.following_view, name="following"),
    path("unfollow/<str:token>/", views.unfollow_token_view, name="unfollow"),
    path("<int:pk>/", views.question_redirect_view, name="question_short"),
    path("<int:pk>/edit/", views.question_edit_view, name="question_edit"),
    path("<int:pk>/delete/", views.question_delete_view, name="question_delete"),
    path("<int:pk>/answer/", views.answer_create_view, name="answer_create"),
    path("<int:pk>/hug/", views.question_hug_view, name="question_hug"),
    path("<int:pk>/follow/", views.question_follow_view, name="question_follow"),
    path("<int:question_pk>/answers/<int:pk>/", views.answer_link_view, name="answer"),
    path("answers/<int:pk>/edit/", views.answer_edit_view, name="answer_edit"),
    path("answers/<int:pk>/delete/", views.answer_delete_view, name="answer_delete"),
    path("answers/<int:pk>/hug/", views.answer_hug_view, name="answer_hug"),
    path("answers/<int:pk>/helpful/", views.answer_helpful_view, name="answer_helpful"),
    path("reveal/<str:kind>/<int:pk>/", views.anonymous_reveal_view, name="reveal"),
    path("<int:pk>/<str:slug>/", views.question_detail_view, name="question"),
]
