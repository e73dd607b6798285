"""Admin for members, profiles and consents.

Moderators are staff but not superusers: they never see health details, nor any profile
field a member keeps to "only me". Only superusers see those (to answer a data request).
"""

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import ReadOnlyPasswordHashField
from django.http import HttpRequest

from moderation.admin_anonymity import deleted_objects_hiding_anonymous

from .models import HealthDataConsent, Profile, User, Visibility

HEALTH_FIELDS = [
    "diagnosis_type",
    "diagnosis_type_visibility",
    "year_diagnosed",
    "year_diagnosed_visibility",
    "her2_status",
    "her2_status_visibility",
    "hormone_status",
    "hormone_status_visibility",
    "stage",
    "stage_visibility",
    "current_treatments",
    "past_treatments",
    "treatments_visibility",
]
OTHER_FIELDS = [
    ("role", "role_visibility"),
    ("bio", "bio_visibility"),
    ("bad_day_answer", "bad_day_answer_visibility"),
    ("age_range", "age_range_visibility"),
    ("region", "region_visibility"),
]


class UserChangeForm(forms.ModelForm):
    password = ReadOnlyPasswordHashField(label="Password")

    class Meta:
        model = User
        fields = [
            "email",
            "password",
            "display_name",
            "handle",
            "prefers_larger_text",
            "is_active",
            "is_staff",
            "is_superuser",
            "groups",
            "user_permissions",
        ]


class UserCreationForm(forms.ModelForm):
    password1 = forms.CharField(label="Password", strip=False, widget=forms.PasswordInput)

    class Meta:
        model = User
        fields = ["email", "display_name", "handle"]

    def save(self, commit: bool = True) -> Any:
        user = super().save(commit=False)
        user.email = user.email.lower()
        user.set_password(self.cleaned_data["password1"])
        if commit:
            user.save()
            Profile.objects.get_or_create(user=user)
        return user


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    ordering = ["display_name"]
    list_display = ["display_name", "email", "handle", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "display_name", "handle"]
    readonly_fields = ["date_joined", "last_login", "erased_at"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Member", {"fields": ["display_name", "handle", "prefers_larger_text"]}),
        (
            "Permissions",
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        ("Dates", {"fields": ["date_joined", "last_login", "erased_at"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "display_name", "handle", "password1"]})
    ]

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> Any:
        # The delete page lists a member's posts: never her anonymous ones (docs/security.md).
        return deleted_objects_hiding_anonymous(objs, request, self.admin_site)


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "updated_at"]
    list_select_related = ["user"]
    search_fields = ["user__email", "user__display_name"]
    raw_id_fields = ["user"]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if request.user.is_superuser:
            return ["user", *[f for pair in OTHER_FIELDS for f in pair], *HEALTH_FIELDS]
        fields = ["user"]
        for value, visibility in OTHER_FIELDS:
            # A field the member keeps to "only me" is not shown to moderators.
            if obj is not None and getattr(obj, visibility) == Visibility.MEMBERS:
                fields += [value, visibility]
        return fields

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if request.user.is_superuser:
            return []
        return self.get_fields(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(HealthDataConsent)
class HealthDataConsentAdmin(admin.ModelAdmin):
    list_display = ["user", "wording_version", "given_at", "withdrawn_at"]
    list_select_related = ["user"]
    search_fields = ["user__email", "user__display_name"]
    readonly_fields = ["user", "wording_version", "given_at", "withdrawn_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
