from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.urls import include, path

from articles.feeds import ArticlesAtomFeed, ArticlesFeed
from articles.sitemaps import SITEMAPS as ARTICLE_SITEMAPS
from treatments.sitemaps import SITEMAPS as TREATMENT_SITEMAPS

from . import views

SITEMAPS = {**ARTICLE_SITEMAPS, **TREATMENT_SITEMAPS}

# The admin login goes through allauth (rate limits, two-factor) rather than its own form.
admin.site.login = login_required(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = "MyBCTeam administration"
admin.site.site_title = "MyBCTeam admin"

urlpatterns = [
    path("", views.home, name="home"),
    path("guidelines/", views.guidelines, name="guidelines"),
    path("privacy/", views.privacy, name="privacy"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("text-size/", views.text_size, name="text_size"),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("members/", include("accounts.member_urls")),
    path("notifications/", include("notifications.urls")),
    path("", include("activities.urls")),
    path("articles/", include("articles.urls")),
    path("feeds/articles/", ArticlesFeed(), name="articles_feed"),
    path("feeds/articles/atom/", ArticlesAtomFeed(), name="articles_feed_atom"),
    path("sitemap.xml", sitemap_view, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("newsletter/", include("newsletter.urls")),
    path("questions/", include("forum.urls")),
    path("treatments/", include("treatments.urls")),
    path("messages/", include("conversations.urls")),
    path("search/", include("search.urls")),
    path("report/", include("moderation.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "mybcteam.errors.server_error"
