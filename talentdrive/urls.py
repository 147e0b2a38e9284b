from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from talentdrive.serving.views import healthz

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", include("talentdrive.api.urls")),
    path("staff/", include("talentdrive.backoffice.urls")),
]
urlpatterns += i18n_patterns(
    path("", include("talentdrive.portal.urls")),
    prefix_default_language=False,
)
