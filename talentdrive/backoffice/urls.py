from django.contrib.auth import views as auth_views
from django.urls import path

from talentdrive.backoffice import (
    views_applicants,
    views_assessments,
    views_calibration,
    views_candidates,
    views_dashboard,
    views_exports,
    views_fits,
    views_home,
    views_imports,
    views_interview_days,
    views_interviews,
    views_matching,
    views_offers,
    views_oversight,
    views_progress,
    views_requisitions,
    views_resume,
    views_talks,
    views_two_factor,
)
from talentdrive.backoffice.access import staff_language

app_name = "backoffice"
urlpatterns = [
    path(
        "login/",
        staff_language(
            auth_views.LoginView.as_view(
                template_name="backoffice/login.html", redirect_authenticated_user=True
            )
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("two-factor/", views_two_factor.two_factor_settings, name="two_factor"),
    path("two-factor/verify/", views_two_factor.two_factor_verify, name="two_factor_verify"),
    path("", views_home.home, name="home"),
    path("progress/", views_progress.progress, name="progress"),
    path("progress.csv", views_progress.progress_csv, name="progress_csv"),
    path("pipeline/", views_dashboard.dashboard, name="dashboard"),
    path("pipeline.xlsx", views_dashboard.dashboard_xlsx, name="dashboard_xlsx"),
    path("pipeline.csv", views_dashboard.dashboard_csv, name="dashboard_csv"),
    path("oversight/", views_oversight.oversight, name="oversight"),
    path("requisitions/", views_requisitions.requisition_index, name="requisition_list"),
    path("requisitions/new/", views_requisitions.requisition_new, name="requisition_new"),
    path("requisitions/<int:pk>/", views_requisitions.requisition_detail, name="requisition_detail"),
    path("requisitions/<int:pk>/edit/", views_requisitions.requisition_edit, name="requisition_edit"),
    path("requisitions/<int:pk>/status/", views_requisitions.requisition_status, name="requisition_status"),
    path("import/", views_imports.import_upload, name="import"),
    path("import/commit/", views_imports.import_commit, name="import_commit"),
    path("campus/assessments/", views_assessments.assessments, name="assessments"),
    path("campus/talks/", views_talks.talks, name="talks"),
    path("campus/interview-days/", views_interview_days.interview_days, name="interview_days"),
    path(
        "campus/interview-days/<int:pk>/",
        views_interview_days.interview_day_detail,
        name="interview_day_detail",
    ),
    path(
        "campus/interview-days/<int:pk>/print/",
        views_interview_days.interview_day_print,
        name="interview_day_print",
    ),
    path("campus/talks/<int:pk>/", views_talks.talk_detail, name="talk_detail"),
    path("campus/talks/<int:pk>/check-in/", views_talks.talk_check_in_view, name="talk_check_in"),
    path("campus/talks/<int:pk>/attendance/", views_talks.talk_export, name="talk_export"),
    path("campus/assessments/<int:pk>/", views_assessments.assessment_detail, name="assessment_detail"),
    path(
        "campus/assessments/<int:pk>/import/", views_assessments.assessment_commit, name="assessment_commit"
    ),
    path(
        "campus/results/<int:pk>/decide/",
        views_assessments.assessment_result_decide,
        name="assessment_result_decide",
    ),
    path("export/", views_exports.plan_download, name="export"),
    path(
        "requisitions/<int:pk>/applicants/",
        views_applicants.requisition_applicants,
        name="requisition_applicants",
    ),
    path(
        "requisitions/<int:pk>/applicants/bulk/",
        views_applicants.requisition_applicants_bulk,
        name="requisition_applicants_bulk",
    ),
    path("applications/<int:pk>/", views_applicants.application_detail, name="application_detail"),
    path("applications/<int:pk>/move/", views_applicants.application_move_view, name="application_move"),
    path(
        "applications/<int:pk>/reject/", views_applicants.application_reject_view, name="application_reject"
    ),
    path(
        "applications/<int:pk>/reopen/", views_applicants.application_reopen_view, name="application_reopen"
    ),
    path(
        "applications/<int:pk>/withdraw/",
        views_applicants.application_withdraw_view,
        name="application_withdraw",
    ),
    path("applications/<int:pk>/resume/", views_resume.application_resume, name="application_resume"),
    path("applications/<int:pk>/notes/", views_applicants.application_note_view, name="application_note"),
    # Further back-office pages append their routes here.
    path(
        "requisitions/<int:pk>/calibration/",
        views_calibration.requisition_calibration_view,
        name="requisition_calibration",
    ),
    path("requisitions/<int:pk>/matching/", views_matching.requisition_matching, name="requisition_matching"),
    # candidates: search, tags, duplicates
    path("candidates/", views_candidates.candidate_list, name="candidates"),
    path("candidates/duplicates/", views_candidates.candidate_duplicates, name="candidate_duplicates"),
    path("candidates/duplicates/merge/", views_candidates.candidate_merge_view, name="candidate_merge"),
    path(
        "candidates/duplicates/decide/",
        views_candidates.candidate_merge_decide,
        name="candidate_merge_decide",
    ),
    path(
        "applications/<int:pk>/tags/", views_applicants.application_tag_add_view, name="application_tag_add"
    ),
    path(
        "applications/<int:pk>/tags/remove/",
        views_applicants.application_tag_remove_view,
        name="application_tag_remove",
    ),
    path("applications/<int:pk>/fits/", views_fits.application_fits, name="application_fits"),
    path(
        "applications/<int:pk>/fits/suggest/",
        views_fits.application_fits_suggest,
        name="application_fits_suggest",
    ),
    # interviews and scorecards
    path(
        "applications/<int:pk>/interviews/",
        views_interviews.interview_schedule_view,
        name="interview_schedule",
    ),
    path(
        "interviews/<int:pk>/reschedule/",
        views_interviews.interview_reschedule_view,
        name="interview_reschedule",
    ),
    path("interviews/<int:pk>/cancel/", views_interviews.interview_cancel_view, name="interview_cancel"),
    path(
        "applications/<int:pk>/interview-times/",
        views_interviews.interview_slots_offer_view,
        name="interview_slots_offer",
    ),
    path(
        "interview-times/<int:pk>/withdraw/",
        views_interviews.interview_slots_withdraw_view,
        name="interview_slots_withdraw",
    ),
    path("interviews/<int:pk>/scorecard/", views_interviews.scorecard_form, name="scorecard_form"),
    path(
        "applications/<int:pk>/scorecards/",
        views_interviews.application_scorecards_view,
        name="application_scorecards",
    ),
    # offers
    path(
        "applications/<int:pk>/offers/new/", views_offers.application_offer_new, name="application_offer_new"
    ),
    path("offers/<int:pk>/submit/", views_offers.offer_submit_view, name="offer_submit"),
    path("offers/<int:pk>/approve/", views_offers.offer_approve_view, name="offer_approve"),
    path("offers/<int:pk>/send/", views_offers.offer_send_view, name="offer_send"),
    path("offers/<int:pk>/rescind/", views_offers.offer_rescind_view, name="offer_rescind"),
    path("offers/<int:pk>/letter.pdf", views_offers.offer_letter, name="offer_letter"),
    path("approvals/", views_offers.my_approvals, name="my_approvals"),
]
