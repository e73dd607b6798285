from django.urls import path

from . import views

# No app namespace: templates and tests reverse the historical name "search".
urlpatterns = [
    path("", views.search, name="search"),
]
