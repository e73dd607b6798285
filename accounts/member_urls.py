from django.urls import path

from . import block_views, views

app_name = "members"

urlpatterns = [
    path("", views.directory_view, name="directory"),
    path("<slug:handle>/", views.profile_view, name="profile"),
    path("<slug:handle>/block/", block_views.block_view, name="block"),
    path("<slug:handle>/unblock/", block_views.unblock_view, name="unblock"),
]
