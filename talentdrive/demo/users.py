"""The demo drive's staff accounts, with fixed passwords so that anyone can log in to a demo.

These accounts exist only in a demo database; ``load_demo`` creates them and ``serve`` prints them.
"""

from __future__ import annotations

from dataclasses import dataclass

from talentdrive.audit.actors import system_actor


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: str
    display_name: str
    is_superuser: bool = False
    scope_teams: tuple[str, ...] = ()
    scope_cities: tuple[str, ...] = ()
    # Team whose requisitions this user manages as hiring manager.
    manages_team: str = ""
    # Team whose technical rounds this interviewer takes first.
    interviews_team: str = ""


ADMIN = DemoUser("admin", "admin-demo-2026", "admin", "Demo Administrator", is_superuser=True)
LEADERSHIP = DemoUser("lead", "lead-demo-2026", "leadership", "Zhou Min (HR head)")
RECRUITERS = (
    DemoUser(
        "recruiter.flagship",
        "recruiter-demo-2026",
        "recruiter",
        "Chen Jing (recruiter, flagship app)",
        scope_teams=("app-core-training", "app-multimodal", "app-agents", "app-product"),
        scope_cities=("beijing", "shanghai"),
    ),
    DemoUser(
        "recruiter.devices",
        "recruiter-demo-2026",
        "recruiter",
        "Wang Lei (recruiter, glasses and vertical apps)",
        scope_teams=(
            "glasses-hardware",
            "glasses-speech",
            "glasses-vision",
            "vertical-learning",
            "vertical-health",
            "vertical-creation",
        ),
        scope_cities=("shanghai", "hangzhou", "guangzhou"),
    ),
)
MANAGER_PASSWORD = "manager-demo-2026"
_MANAGER_NAMES = {
    "app-core-training": "Li Hao",
    "app-multimodal": "Sun Yue",
    "app-agents": "Zhao Ning",
    "app-product": "Huang Xin",
    "glasses-hardware": "Xu Tao",
    "glasses-speech": "He Lin",
    "glasses-vision": "Guo Fan",
    "vertical-learning": "Ma Li",
    "vertical-health": "Lin Qing",
    "vertical-creation": "Tang Yu",
    "research-elite": "Prof. Wu Jian",
}
HIRING_MANAGERS = tuple(
    DemoUser(f"hm.{team}", MANAGER_PASSWORD, "hiring_manager", f"{name} (hiring manager)", manages_team=team)
    for team, name in _MANAGER_NAMES.items()
)
INTERVIEWER_PASSWORD = "interviewer-demo-2026"
INTERVIEWER = DemoUser("interviewer", INTERVIEWER_PASSWORD, "interviewer", "Liu Yang (interviewer)")
# The demo's technical rounds are spread over these three, so nobody passes the weekly interview cap.
INTERVIEWERS = (
    INTERVIEWER,
    DemoUser("interviewer.systems", INTERVIEWER_PASSWORD, "interviewer", "Deng Kai (interviewer, systems)"),
    DemoUser("interviewer.research", INTERVIEWER_PASSWORD, "interviewer", "Qian Wen (interviewer, research)"),
)

_TEAM_INTERVIEWER_NAMES = {
    "app-core-training": "Feng Rui",
    "app-multimodal": "Yang Xue",
    "app-agents": "Cao Yi",
    "app-product": "Peng Jie",
    "glasses-hardware": "Lu Bo",
    "glasses-speech": "Jiang Hui",
    "glasses-vision": "Xie Chen",
    "vertical-learning": "Han Mei",
    "vertical-health": "Shen Yu",
    "vertical-creation": "Du Xiao",
    "research-elite": "Dr. Kong Ling",
}
# One engineer per team takes its technical rounds: the demo drive holds about 2,000 interviews, and
# nobody may take more than the weekly cap.
TEAM_INTERVIEWERS = tuple(
    DemoUser(
        f"interviewer.{team}",
        INTERVIEWER_PASSWORD,
        "interviewer",
        f"{name} (interviewer)",
        interviews_team=team,
    )
    for team, name in _TEAM_INTERVIEWER_NAMES.items()
)

DEMO_USERS: tuple[DemoUser, ...] = (
    ADMIN,
    LEADERSHIP,
    *RECRUITERS,
    *HIRING_MANAGERS,
    *INTERVIEWERS,
    *TEAM_INTERVIEWERS,
)


# The demo loader acts as itself in the audit trail, not as any of the accounts it creates.
DEMO = system_actor("load_demo")
