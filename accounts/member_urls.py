from django.urls import path

from . import block_views, photo_views, views

app_name = "members"

urlpatterns = [
    path("", views.directory_view, name="directory"),
    path("<slug:handle>/", views.profile_view, name="profile"),
    # Members only, checked per photo (accounts/photo_selectors.py); never MEDIA_URL.
    path("photo/<slug:key>/<int:size>/", photo_views.photo_view, name="photo"),
    path("<slug:handle>/block/", block_views.block_view, name="block"),
    path("<slug:handle>/unblock/", block_views.unblock_view, name="unblock"),
]
