from django.urls import path

from . import block_views, views

app_name = "accounts"

# Settings, export and erasure; allauth's own pages are included after these in mybcteam/urls.
urlpatterns = [
    path("settings/", views.settings_view, name="settings"),
    path("settings/blocked/", block_views.blocks_view, name="blocks"),
    path("export/", views.export_view, name="export"),
    path("delete/", views.delete_view, name="delete"),
]
