"""The topic and treatment catalogues every content app tags its posts with.

The tables keep the names they had when the catalogue lived in articles (`db_table`), so the
move to this app changed no row and no foreign key.
"""

from django.db import models
from django.urls import reverse


class Topic(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        db_table = "articles_topic"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        # The topic page is served by articles (it lists the topic's articles first).
        return reverse("articles:topic", kwargs={"slug": self.slug})


class Treatment(models.Model):
    """The treatment catalogue: drugs, regimens and procedures members and articles mention."""

    class DrugClass(models.TextChoices):
        MONOCLONAL_ANTIBODY = "monoclonal_antibody", "Monoclonal antibody"
        KINASE_INHIBITOR = "kinase_inhibitor", "Kinase inhibitor"
        ANTIBODY_DRUG_CONJUGATE = "adc", "Antibody-drug conjugate"
        CHEMOTHERAPY = "chemotherapy", "Chemotherapy"
        REGIMEN = "regimen", "Combination regimen"
        HORMONE_THERAPY = "hormone_therapy", "Hormone therapy"
        SURGERY = "surgery", "Surgery"
        RADIATION = "radiation", "Radiation therapy"
        OTHER = "other", "Other"

    name = models.CharField(max_length=120, unique=True, help_text="Generic or procedure name.")
    slug = models.SlugField(max_length=120, unique=True)
    brand_names = models.CharField(max_length=200, blank=True, help_text="Comma-separated.")
    drug_class = models.CharField(max_length=30, choices=DrugClass.choices)
    description = models.TextField(blank=True)

    class Meta:
        db_table = "articles_treatment"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.brand_names})" if self.brand_names else self.name

    def get_absolute_url(self) -> str:
        # The treatment's page is served by treatments (its guide, articles and experiences).
        return reverse("treatments:detail", kwargs={"slug": self.slug})

    @property
    def brand_name_list(self) -> list[str]:
        return [name.strip() for name in self.brand_names.split(",") if name.strip()]
