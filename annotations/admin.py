from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Article, Claim, PreannotationJob, Quote, Speaker


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published", "status", "assignee", "created_at"]
    list_filter = ["status", "outlet", "published", "assignee"]
    search_fields = ["title", "url", "author", "outlet"]
    date_hierarchy = "published"
    readonly_fields = ["text_hash", "created_at", "updated_at"]
    list_select_related = ["assignee"]


class ClaimInline(admin.TabularInline):
    model = Claim
    extra = 0
    fields = ["start", "end", "status", "check_worthy", "verdict", "note"]


@admin.register(Quote)
class QuoteAdmin(SimpleHistoryAdmin):
    list_display = [
        "__str__",
        "article",
        "kind",
        "status",
        "origin",
        "speaker",
        "confidence",
        "reviewed_by",
        "version",
    ]
    list_filter = ["status", "kind", "origin", "article__outlet", "speaker__kind"]
    search_fields = ["article__title", "speaker__name", "speaker__search_names"]
    list_select_related = ["article", "speaker", "reviewed_by"]
    raw_id_fields = ["article", "speaker"]
    readonly_fields = ["content_start", "content_end", "version", "created_at", "updated_at"]
    inlines = [ClaimInline]


@admin.register(Speaker)
class SpeakerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "role", "organization", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "search_names", "role", "organization"]


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "quote", "status", "check_worthy", "verdict"]
    list_filter = ["status", "verdict", "check_worthy"]
    search_fields = ["note", "quote__article__title"]
    list_select_related = ["quote__article"]
    raw_id_fields = ["quote"]


@admin.register(PreannotationJob)
class PreannotationJobAdmin(admin.ModelAdmin):
    list_display = ["id", "status", "done", "total", "created_by", "created_at", "finished_at"]
    list_filter = ["status"]
    search_fields = ["task_id", "error", "created_by__username"]
    list_select_related = ["created_by"]
    readonly_fields = ["created_at", "finished_at"]
