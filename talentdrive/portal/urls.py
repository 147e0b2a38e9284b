from django.urls import path

from talentdrive.portal.language import language_choose
from talentdrive.portal.views import apply, home, interviews, jobs, offers, status, talks

app_name = "portal"
urlpatterns = [
    path("", home.home, name="home"),
    path("language/<str:code>/", language_choose, name="language"),
    path("jobs/", jobs.job_list, name="jobs"),
    path("jobs/<int:pk>/", jobs.job_detail, name="job"),
    path("jobs/<int:pk>/apply/", apply.apply, name="apply"),
    path("applied/<str:token>/", apply.applied, name="applied"),
    path("campus-talks/", talks.talk_list, name="talks"),
    path("campus-talks/<int:pk>/register/", talks.talk_register_view, name="talk_register"),
    path("campus-talks/registered/<str:token>/", talks.talk_registered, name="talk_registered"),
    path("status/", status.status_request, name="status_request"),
    path("status/<str:token>/", status.status, name="status"),
    path("status/<str:token>/withdraw/<int:application_id>/", status.status_withdraw, name="withdraw"),
    path("status/<str:token>/data.json", status.status_data, name="status_data"),
    path("status/<str:token>/data.zip", status.status_data_archive, name="status_archive"),
    path("status/<str:token>/erase/", status.status_erase, name="erase"),
    path(
        "status/<str:token>/resumes/<int:resume_id>/confirm/",
        status.status_resume_confirm,
        name="resume_confirm",
    ),
    path("status/<str:token>/offers/<int:offer_id>/accept/", offers.offer_accept_view, name="offer_accept"),
    path(
        "status/<str:token>/offers/<int:offer_id>/decline/", offers.offer_decline_view, name="offer_decline"
    ),
    path("status/<str:token>/times/<int:offer_id>/", interviews.slot_pick_view, name="slot_pick"),
    path(
        "status/<str:token>/offers/<int:offer_id>/letter.pdf", offers.offer_letter_view, name="offer_letter"
    ),
]
