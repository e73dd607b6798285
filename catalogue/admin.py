"""Editors keep the topic and treatment catalogues here (the Editors group holds these rights)."""

from django.contrib import admin

from .models import Topic, Treatment


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Treatment)
class TreatmentAdmin(admin.ModelAdmin):
    list_display = ["name", "brand_names", "drug_class"]
    list_filter = ["drug_class"]
    search_fields = ["name", "brand_names", "other_names"]
    prepopulated_fields = {"slug": ["name"]}
