from django.contrib import admin

from organisations.models import Organisation


# Memberships are changed only on the members page, where every change is audited.
@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "created_at"]
    prepopulated_fields = {"slug": ["name"]}
