from django.urls import path

from . import block_views, photo_views, views, welcome_views

app_name = "accounts"

# Settings, export and erasure; allauth's own pages are included after these in mybcteam/urls.
urlpatterns = [
    path("settings/", views.settings_view, name="settings"),
    path("settings/blocked/", block_views.blocks_view, name="blocks"),
    path("settings/photo/", photo_views.photo_settings_view, name="photo"),
    path("export/", views.export_view, name="export"),
    path("delete/", views.delete_view, name="delete"),
    path("welcome/", welcome_views.welcome_view, name="welcome"),
    path("welcome/dismiss/", welcome_views.welcome_dismiss_view, name="welcome_dismiss"),
    path("welcome/<slug:step>/", welcome_views.welcome_step_view, name="welcome_step"),
    # Before allauth's confirm-email/<key>/, which would otherwise take "resend" for a key.
    path(
        "confirm-email/resend/",
        welcome_views.resend_confirmation_view,
        name="resend_confirmation",
    ),
]
