from django.conf import settings
from django.urls import URLPattern, URLResolver, include, path

from . import views

app_name = "newsletter"

urlpatterns: list[URLPattern | URLResolver] = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
]

# A sending service's bounce/complaint webhooks (django-anymail), only once it is configured.
if getattr(settings, "ANYMAIL", {}).get("WEBHOOK_SECRET"):
    urlpatterns.append(path("anymail/", include("anymail.urls")))
