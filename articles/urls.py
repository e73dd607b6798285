from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.article_list_view, name="list"),
    path("topics/<slug:slug>/", views.topic_view, name="topic"),
    path("<slug:slug>/", views.article_detail_view, name="detail"),
    path("<slug:slug>/comments/", views.comment_page_view, name="comments"),
    path("<slug:slug>/comments/new/", views.comment_create_view, name="comment_create"),
    path("<slug:slug>/comments/<int:pk>/", views.comment_detail_view, name="comment"),
    path("<slug:slug>/comments/<int:pk>/edit/", views.comment_edit_view, name="comment_edit"),
    path("<slug:slug>/comments/<int:pk>/delete/", views.comment_delete_view, name="comment_delete"),
    path("<slug:slug>/comments/<int:pk>/hug/", views.comment_hug_view, name="comment_hug"),
]
