app_name = "accounts"

# Settings, export and erasure; allauth's own pages are included after these in mybcteam/urls.
urlpatterns: list = []
