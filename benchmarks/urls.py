"""The product's URLs plus the two ceiling views (bench-only URLconf)."""

from django.urls import include, path

from . import ceiling

urlpatterns = [
    path("_bench/ceiling/", ceiling.anonymous_ceiling),
    path("_bench/ceiling-member/", ceiling.member_ceiling),
    path("", include("mybcteam.urls")),
]
