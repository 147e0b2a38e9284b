import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from talentdrive.taxonomy.model import (
    FOCUS_AREAS,
    Skill,
    Taxonomy,
    TaxonomyError,
    load_taxonomy,
    taxonomy_from_documents,
    validate_taxonomy,
)
from talentdrive.taxonomy.text import fold_with_offsets, name_key

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def ids(mentions):
    return [m.skill_id for m in mentions]


def test_shipped_taxonomy_is_large_enough_and_valid(taxonomy):
    names = {name_key(n) for skill in taxonomy.skills.values() for n in skill.names if n}
    assert len(taxonomy.skills) >= 400
    assert len(names) >= 1500
    assert validate_taxonomy(taxonomy) == []


@pytest.mark.parametrize("code", FOCUS_AREAS)
def test_every_focus_area_has_at_least_twenty_skills(taxonomy, code):
    assert len(taxonomy.skill_ids_for_focus_area(code)) >= 20


def test_ancestors_are_transitive(taxonomy):
    assert taxonomy.ancestors("vllm")[:2] == ("llm-inference", "llm")
    assert "deep-learning" in taxonomy.ancestors("vllm")
    assert taxonomy.ancestors("no-such-skill") == ()


def test_chinese_and_english_names_reach_the_same_skill(taxonomy):
    for text, skill_id in [
        ("大模型", "llm"),
        ("large language models", "llm"),
        ("强化学习", "reinforcement-learning"),
        ("RLHF", "rlhf"),
        ("分布式训练", "distributed-training"),
        ("算子优化", "operator-optimisation"),
        ("CUDA kernel", "operator-optimisation"),
        ("语音识别", "asr"),
        ("ASR", "asr"),
        ("端侧部署", "edge-ai"),
        ("多模态", "multimodal"),
    ]:
        assert ids(taxonomy.find_skills(text)) == [skill_id], text


def test_mentions_point_at_the_original_text(taxonomy):
    text = "熟悉ＰｙＴｏｒｃｈ和vLLM，做过大模型RLHF"
    mentions = taxonomy.find_skills(text)
    assert ids(mentions) == ["pytorch", "vllm", "llm", "rlhf"]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.surface
    assert mentions[0].surface == "ＰｙＴｏｒｃｈ"


def test_longest_match_wins(taxonomy):
    assert ids(taxonomy.find_skills("deep reinforcement learning")) == ["deep-rl"]
    assert ids(taxonomy.find_skills("多模态大模型")) == ["mllm"]


@pytest.mark.parametrize(
    "text",
    [
        "good work on going projects",
        "RNN and Rust",
        "Let us go to the cafe",
        "a recursive descent",
        "Mr. Smith",
    ],
)
def test_short_names_do_not_fire_inside_words_or_prose(taxonomy, text):
    found = ids(taxonomy.find_skills(text))
    assert "go" not in found and "r-language" not in found and "c" not in found


def test_short_names_fire_in_skill_lists(taxonomy):
    assert ids(taxonomy.find_skills("Python, R, Go")) == ["python", "r-language", "go"]
    assert ids(taxonomy.find_skills("C/C++")) == ["c", "cpp"]


def test_separators_and_case_are_flexible(taxonomy):
    assert ids(taxonomy.find_skills("Fine Tuning of LLMs")) == ["llm-fine-tuning", "llm"]
    assert ids(taxonomy.find_skills("FINE-TUNING")) == ["llm-fine-tuning"]


def test_domains_venues_and_awards(taxonomy):
    domains = [m.domain_id for m in taxonomy.find_domains("医学影像 and EHR work for a hospital")]
    assert domains == ["medical-imaging", "ehr", "healthcare"]
    assert taxonomy.venue("NIPS").id == "neurips"
    assert taxonomy.venue("NeurIPS 2023").id == "neurips"
    assert taxonomy.venue("Some Workshop") is None
    venues = taxonomy.find_venues("CVPR 2023; Nature, 2021; B.S. in Computer Science, 2019; micro-services")
    assert [(v.venue_id, v.top) for v in venues] == [("cvpr", True), ("nature", True)]
    awards = taxonomy.find_awards("ACM-ICPC World Finals; Kaggle金牌; 挑战杯一等奖")
    assert [(a.award_id, a.tier) for a in awards] == [
        ("icpc-world-finals", 1),
        ("kaggle-gold", 1),
        ("challenge-cup", 2),
    ]


def test_fold_keeps_offsets_for_changed_lengths():
    folded, offsets = fold_with_offsets("ﬁne ＴＵＮＩＮＧ")
    assert folded == "fine tuning"
    assert offsets is not None and offsets[0] == offsets[1] == 0 and offsets[-1] == len("ﬁne ＴＵＮＩＮＧ")


def test_extra_files_add_and_amend_skills(tmp_path):
    (tmp_path / "local.yaml").write_text(
        "skills:\n"
        "  - {id: llm, syn: [千亿模型]}\n"
        "  - {id: cann-ops, en: CANN operator development, zh: CANN算子开发, parents: [ascend-cann], focus: [ai-hardware]}\n",
        encoding="utf-8",
    )
    taxonomy = load_taxonomy([tmp_path])
    assert ids(taxonomy.find_skills("千亿模型")) == ["llm"]
    assert ids(taxonomy.find_skills("CANN算子开发")) == ["cann-ops"]
    assert "cann-ops" in taxonomy.skill_ids_for_focus_area("ai-hardware")
    assert "ascend-cann" in taxonomy.ancestors("cann-ops")
    # the shipped taxonomy is unaffected
    assert "cann-ops" not in load_taxonomy().skills


def test_an_edited_extra_file_is_picked_up(tmp_path):
    path = tmp_path / "local.yaml"
    path.write_text("skills:\n  - {id: foo-tool, en: FooTool}\n", encoding="utf-8")
    assert "foo-tool" in load_taxonomy([path]).skills
    path.write_text("skills:\n  - {id: bar-tool, en: BarTool}\n", encoding="utf-8")
    import os

    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert "bar-tool" in load_taxonomy([path]).skills


@pytest.mark.parametrize(
    ("skills", "problem"),
    [
        ([{"id": "a", "en": "A thing", "parents": ["missing"]}], "unknown parent"),
        (
            [{"id": "a", "en": "A thing", "parents": ["b"]}, {"id": "b", "en": "B thing", "parents": ["a"]}],
            "cycle",
        ),
        ([{"id": "a", "en": "Same"}, {"id": "b", "en": "same"}], "belongs to both"),
        ([{"id": "a", "en": "X"}], "one-character name"),
        ([{"id": "Bad Id", "en": "Thing"}], "lower-case"),
        ([{"id": "a", "en": "Thing", "focus": ["nowhere"]}], "unknown focus area"),
    ],
)
def test_validation_rejects_inconsistent_data(skills, problem):
    with pytest.raises(TaxonomyError) as error:
        taxonomy_from_documents([("test.yaml", {"skills": skills})])
    assert any(problem in p for p in error.value.problems)


def test_missing_extra_path_is_a_clear_error(tmp_path):
    with pytest.raises(TaxonomyError, match="no such taxonomy file"):
        load_taxonomy([tmp_path / "absent"])


def test_skill_is_a_frozen_record(taxonomy):
    skill = taxonomy.skills["llm"]
    assert isinstance(skill, Skill) and skill.name_zh == "大模型" and "llm" in skill.focus_areas
    with pytest.raises(AttributeError):
        skill.name_en = "x"  # type: ignore[misc]


def test_skill_for_name(taxonomy):
    assert taxonomy.skill_for_name("LLM").id == "llm"
    assert taxonomy.skill_for_name("llm-inference").id == "llm-inference"
    assert taxonomy.skill_for_name("underwater basket weaving") is None


DLTERMS = SHARED_DATA / "dlterms-zh" / "DLTerms4Chinese_terms.tsv"


@pytest.mark.skipif(not DLTERMS.exists(), reason="../shared/data/dlterms-zh is not available")
def test_chinese_names_agree_with_the_deep_learning_glossary(taxonomy):
    checked, wrong = 0, []
    for line in DLTERMS.read_text(encoding="utf-8").splitlines()[1:]:
        english, _, chinese = line.partition("\t")
        skill = taxonomy.skill_for_name(english)
        if skill is None:
            continue
        checked += 1
        accepted = {name_key(c) for c in chinese.replace("或", "/").split("/")}
        if not accepted & {name_key(n) for n in skill.names}:
            wrong.append((english, chinese, skill.id))
        # and the Chinese term, where the taxonomy knows it, means the same skill
        for term in chinese.replace("或", "/").split("/"):
            other = taxonomy.skill_for_name(term)
            if other is not None and other.id != skill.id:
                wrong.append((english, term, other.id))
    assert checked >= 5
    assert wrong == []


def test_addresses_are_not_prose(taxonomy):
    text = "github.com/ml-lab · alice.ml@example.net · https://lab.ai/llm"
    assert taxonomy.find_skills(text) == []


def test_spaces_between_latin_and_chinese_are_optional(taxonomy):
    assert ids(taxonomy.find_skills("做 AI 芯片与 LLM 评测")) == ["ai-accelerator", "llm-evaluation"]


def test_spoken_languages_need_list_context(taxonomy):
    assert ids(taxonomy.find_skills("Languages: English, German")) == ["english", "german"]
    assert ids(taxonomy.find_skills("a Japanese ASR corpus")) == ["asr"]


def test_lowercase_words_do_not_stand_for_capitalised_tools(taxonomy):
    assert ids(taxonomy.find_skills("Ray; ZeRO")) == ["ray", "deepspeed"]
    assert ids(taxonomy.find_skills("x-ray images with zero padding")) == []


def test_django_side_reads_the_administrators_directories(settings, tmp_path):
    from talentdrive.matching.taxonomy_loader import get_taxonomy

    (tmp_path / "site.yaml").write_text(
        "skills:\n  - {id: site-tool, en: SiteTool, zh: 站点工具}\n", encoding="utf-8"
    )
    settings.TALENTDRIVE_TAXONOMY_DIRS = [str(tmp_path)]
    assert ids(get_taxonomy().find_skills("会用站点工具")) == ["site-tool"]
    settings.TALENTDRIVE_TAXONOMY_DIRS = []
    assert "site-tool" not in get_taxonomy().skills


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED_DATA / "onet").is_dir(), reason="../shared/data/onet is not available")
def test_derived_english_names_are_up_to_date():
    import importlib.util

    import yaml

    script = Path(__file__).resolve().parents[2] / "scripts" / "build_taxonomy_en.py"
    spec = importlib.util.spec_from_file_location("build_taxonomy_en", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = yaml.safe_load(module.OUTPUT.read_text(encoding="utf-8"))
    assert committed == module.build(SHARED_DATA)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("skills: {id: a}\n", "must be a list"),
        ("skills:\n  - just a name\n", "mapping with an id"),
        ("awards:\n  - {id: x-cup, en: X Cup, tier: gold}\n", "tier must be 1, 2 or 3"),
        ("skills: [\n", "not valid YAML"),
        ("- a\n- b\n", "expected a mapping"),
    ],
)
def test_a_broken_administrator_file_is_a_clear_error(tmp_path, text, problem):
    (tmp_path / "broken.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(TaxonomyError) as error:
        load_taxonomy([tmp_path])
    assert any(problem in p for p in error.value.problems)


_PIECES = [
    "大模型",
    "ＰｙＴｏｒｃｈ",
    "ﬁne-tuning",
    "C++",
    "Go",
    "R",
    "vLLM",
    " ",
    "，",
    "、",
    "/",
    "github.com/x",
    "ß",
    "İ",
    "e\u0301",
]


@pytest.mark.slow
@hypothesis_settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=12).map("".join))
def test_mentions_are_ordered_disjoint_slices_of_any_text(taxonomy, text):
    previous_end = 0
    for finder in (taxonomy.find_skills, taxonomy.find_domains, taxonomy.find_venues, taxonomy.find_awards):
        previous_end = 0
        for mention in finder(text):
            assert previous_end <= mention.start < mention.end <= len(text)
            assert text[mention.start : mention.end] == mention.surface
            previous_end = mention.end


def test_a_venue_alias_split_at_commas_is_rejected():
    # Unquoted in a YAML flow list, "Transactions on Audio, Speech, and Language Processing" becomes
    # three aliases, one of them the plain word "Speech".
    venues = [{"id": "taslp", "name": "TASLP", "aliases": ["Transactions on Audio", "Speech", "and LP"]}]
    skills = [{"id": "asr", "en": "Speech recognition"}]
    with pytest.raises(TaxonomyError) as error:
        taxonomy_from_documents([("test.yaml", {"skills": skills, "venues": venues})])
    assert any("'Speech' is a common word" in p for p in error.value.problems)
    venues[0]["aliases"] = ["Transactions on Audio, Speech, and Language Processing"]
    taxonomy_from_documents([("test.yaml", {"skills": skills, "venues": venues})])


def test_speech_and_networking_are_not_venues(taxonomy):
    text = "Speech recognition, Networking and Applications; IEEE/ACM Transactions on Audio, Speech, and Language Processing"
    assert [v.venue_id for v in taxonomy.find_venues(text)] == ["taslp"]
    assert taxonomy.venue("Medical Image Analysis").top


@pytest.mark.parametrize(
    "run",
    [
        "2019.09-" * 2500,  # quadratic before: ~9 s to find no address in these 20,000 characters
        "a1.b-" * 4000,
        "x+" * 10000,  # an e-mail's local part without an "@"
        "--.a" * 5000,
    ],
)
def test_long_runs_that_are_no_address_are_scanned_once(taxonomy, run):
    text = run + " PyTorch and alice.ml@example.net, github.com/ml-lab"
    assert ids(taxonomy.find_skills(text)) == ["pytorch"]


@pytest.mark.slow
def test_a_long_run_of_separators_after_a_chinese_word_is_read_once():
    # "视觉 语言" is a name: the patterns for Chinese names used to backtrack into a run of separators
    # that did not end in 语, time growing with the square of the run (hours for this one, well under a
    # second read once). A separate process, so a regression fails at the time limit instead of hanging.
    code = (
        "from talentdrive.taxonomy.model import load_taxonomy; t = load_taxonomy(); "
        "print([m.skill_id for s in '\\n \\t-' for m in t.find_skills('视觉' + s * 1_000_000 + 'x PyTorch')])"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == str(["pytorch"] * 4)


def test_long_chinese_lines_are_searched_whole(taxonomy):
    # Chinese is written without spaces: a 200-character sentence is prose, not a hash.
    text = "负责" * 100 + "深度学习训练"
    assert "deep-learning" in ids(taxonomy.find_skills(text))


@hypothesis_settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=12).map("".join))
def test_one_pass_finds_what_separate_passes_find(taxonomy, text):
    skills, domains = taxonomy.find_skills_and_domains(text)
    assert skills == taxonomy.find_skills(text)
    assert domains == taxonomy.find_domains(text)


def test_one_pass_agrees_where_a_separator_choice_differs():
    # The skill is written without the space, the domain with it: after "ai " the shared trie would
    # continue with the domain's name, so the matchers must each walk their own.
    taxonomy = taxonomy_from_documents(
        [
            (
                "t.yaml",
                {"skills": [{"id": "chip", "en": "AI芯片"}], "domains": [{"id": "d", "en": "AI 芯片组"}]},
            )
        ]
    )
    text = "AI 芯片 and AI 芯片组"
    skills, domains = taxonomy.find_skills_and_domains(text)
    assert ids(skills) == ids(taxonomy.find_skills(text)) == ["chip", "chip"]
    assert [d.domain_id for d in domains] == [d.domain_id for d in taxonomy.find_domains(text)] == ["d"]


_NAME_PIECES = [
    "深度学习",
    "大模型",
    "机器\n学习",
    "强化 学习",
    "AI 芯片",
    "医学影像",
    ".NET",
    "模型",
    "数据",
    "·",
    "\u3000",
]


@hypothesis_settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_PIECES + _NAME_PIECES), st.text(alphabet="学习模型数据深度 \n-_·a", max_size=6)
        ),
        max_size=12,
    ).map("".join)
)
def test_start_patterns_never_hide_a_name(taxonomy, monkeypatch, text):
    # Outside Latin script the walk runs only where the patterns say a whole name can be read. With
    # patterns that accept every position instead, the walk must find nothing more.
    from talentdrive.taxonomy import matcher as taxonomy_matcher

    def every_first_character(trie):
        firsts = "".join(re.escape(c) for c in trie.root if c not in taxonomy_matcher._WORD_CHARS)
        return (re.compile(f"[{firsts}]"),), ()

    found = taxonomy.find_skills_and_domains(text)
    with monkeypatch.context() as patch:
        patch.setattr(taxonomy_matcher._Trie, "others", property(every_first_character))
        assert taxonomy.find_skills_and_domains(text) == found
