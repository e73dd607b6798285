"""The treatment pages in the sitemap: every catalogue treatment's public page."""

from datetime import datetime
from typing import Any

from catalogue.models import Treatment
from core.sitemaps import SiteUrlSitemap

from .models import GuideStatus


class TreatmentSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self) -> Any:
        return Treatment.objects.select_related("guide").order_by("name")

    def lastmod(self, item: Treatment) -> datetime | None:
        guide = getattr(item, "guide", None)
        if guide is not None and guide.status == GuideStatus.PUBLISHED:
            return guide.updated_at
        return None


SITEMAPS = {"treatments": TreatmentSitemap}
