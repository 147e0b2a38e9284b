from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

JOB = """大模型推理工程师
任职要求：
1. 硕士及以上学历，3年以上经验
2. 熟悉大模型推理、CUDA
加分项：RLHF 优先
"""


@pytest.fixture
def resumes(tmp_path):
    folder = tmp_path / "resumes"
    folder.mkdir()
    (folder / "strong.txt").write_text(
        "张三\n浙江大学 硕士 2019年毕业\n5年工作经验，负责 vLLM 推理服务与 CUDA 算子优化。\n",
        encoding="utf-8",
    )
    (folder / "weak.txt").write_text(
        "Li Si\nB.Sc., Peking University, 2024\nSpeech recognition engineer, 1 year of experience.\n",
        encoding="utf-8",
    )
    (folder / "notes.xyz").write_text("ignored", encoding="utf-8")
    job = tmp_path / "job.md"
    job.write_text(JOB, encoding="utf-8")
    return job, folder


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_rank_directory_prints_reasons(resumes):
    job, folder = resumes
    out, _ = run("rank", "--job", str(job), "--resumes", str(folder), "--top", "5")
    assert out.index("strong.txt") < out.index("weak.txt")
    assert "must: llm-inference, cuda" in out
    assert "missing: llm-inference, cuda" in out  # the weak resume


@pytest.mark.slow
def test_rank_json_lines_from_parse(resumes, tmp_path):
    job, _ = resumes
    profiles = tmp_path / "profiles.jsonl"
    records = [
        {"source": "a.pdf", "skills": [{"id": "vllm", "name": "vLLM", "mentions": [{"text": "vLLM"}]}, {"id": "cuda", "name": "CUDA", "mentions": []}],
         "education": [{"degree": "master"}], "years_experience": 4, "publications": [], "awards": [], "domains": []},
        {"source": "b.pdf", "error": "encrypted PDF", "code": "encrypted"},
        {"source": "c.pdf", "skills": [], "education": [{"degree": "bachelor"}], "years_experience": 1},
    ]  # fmt: skip
    profiles.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out, err = run("rank", "--job", str(job), "--resumes", str(profiles), "--top", "2", "--json")
    payload = json.loads(out)
    assert [m["source"] for m in payload["matches"]] == ["a.pdf", "c.pdf"]
    top = payload["matches"][0]
    assert {s["skill_id"]: s["via"] for s in top["matched_must"]} == {"llm-inference": "vllm", "cuda": "cuda"}
    assert "b.pdf" in err and "encrypted" in err


def test_structured_job_with_a_skill_the_taxonomy_lacks_ranks_it_as_text(resumes, tmp_path):
    _, folder = resumes
    job = tmp_path / "job.yaml"
    job.write_text("must_skills: [CUDA, warp-drive]\n", encoding="utf-8")
    out, err = run("rank", "--job", str(job), "--resumes", str(folder))
    assert "strong.txt" in out
    assert "warp-drive not in the skill taxonomy: matched as text" in out + err


@pytest.mark.parametrize("content", ["", "   "])
def test_empty_job_is_a_clear_error(resumes, tmp_path, content):
    _, folder = resumes
    job = tmp_path / "empty.txt"
    job.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match="empty"):
        run("rank", "--job", str(job), "--resumes", str(folder))


def test_missing_resumes_is_a_clear_error(resumes, tmp_path):
    job, _ = resumes
    with pytest.raises(CommandError, match="no such file"):
        run("rank", "--job", str(job), "--resumes", str(tmp_path / "nowhere"))


def test_synth_writes_parse_schema_profiles(tmp_path):
    out = tmp_path / "synth.jsonl"
    run("synth", "--candidates", "50", "--out", str(out), "--seed", "3")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 50
    first = json.loads(lines[0])
    assert {"skills", "education", "years_experience", "publications", "domains", "text"} <= first.keys()
    again = tmp_path / "again.jsonl"
    run("synth", "--candidates", "50", "--out", str(again), "--seed", "3")
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_synth_straight_into_an_index(tmp_path):
    from talentdrive.matching.core.index import MatchIndex

    run("synth", "--candidates", "300", "--index", str(tmp_path / "index"))
    index = MatchIndex.load(tmp_path / "index")
    assert len(index) == 300
    assert index.skills.nnz >= index.own.nnz > 0


def test_eval_match_beats_the_baselines():
    from talentdrive.evaluation import matching as evaluation

    stdout = StringIO()
    assert evaluation.run(stdout=stdout) == 0
    out = stdout.getvalue()
    assert "the ranker beats every baseline on nDCG@10" in out
    assert "bm25s, plain" in out


@pytest.mark.parametrize("name", ["job.txt", "job.md", "job.pdf", "job.bin", "job.json"])
def test_binary_job_is_refused(resumes, tmp_path, name):
    _, folder = resumes
    job = tmp_path / name
    job.write_bytes(bytes(range(256)) * 8 + bytes(reversed(range(256))) * 8)
    with pytest.raises(CommandError, match="not a text file|cannot read the job|unsupported job file"):
        run("rank", "--job", str(job), "--resumes", str(folder))


def test_docx_job_is_read_as_a_document(resumes, tmp_path):
    import docx

    _, folder = resumes
    document = docx.Document()
    for line in JOB.splitlines():
        document.add_paragraph(line)
    job = tmp_path / "job.docx"
    document.save(str(job))
    out, _ = run("rank", "--job", str(job), "--resumes", str(folder), "--json")
    payload = json.loads(out)
    assert payload["requirements"]["must"] == ["llm-inference", "cuda"]


def test_gb18030_text_job_is_decoded(resumes, tmp_path):
    _, folder = resumes
    job = tmp_path / "job.txt"
    job.write_bytes(JOB.encode("gb18030"))
    out, _ = run("rank", "--job", str(job), "--resumes", str(folder), "--json")
    assert json.loads(out)["requirements"]["must"] == ["llm-inference", "cuda"]


def test_docx_content_named_pdf_or_text_named_pdf(resumes, tmp_path):
    _, folder = resumes
    job = tmp_path / "job.pdf"
    job.write_text(JOB, encoding="utf-8")
    with pytest.raises(CommandError, match="not a PDF file"):
        run("rank", "--job", str(job), "--resumes", str(folder))


def test_rank_synth_output_keeps_every_candidate_apart(tmp_path):
    out = tmp_path / "synth.jsonl"
    run("synth", "--candidates", "300", "--out", str(out), "--seed", "3")
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"must_skills": ["pytorch"]}), encoding="utf-8")
    printed, _ = run("rank", "--job", str(job), "--resumes", str(out), "--top", "50", "--json")
    payload = json.loads(printed)
    assert payload["considered"] == 300
    keys = [m["key"] for m in payload["matches"]]
    assert len(set(keys)) == len(keys) == 50
    assert all(key.startswith("synth-") for key in keys)
    assert all(len(str(c["value"]).split(".")[-1]) <= 4 for m in payload["matches"] for c in m["components"])


def test_duplicate_keys_in_json_lines_are_kept_apart_with_a_warning(resumes, tmp_path):
    job, _ = resumes
    profiles = tmp_path / "dupes.jsonl"
    record = {
        "source": "a.pdf",
        "skills": [{"id": "cuda", "name": "CUDA", "mentions": []}],
        "years_experience": 2,
    }
    profiles.write_text(json.dumps(record) + "\n" + json.dumps(record) + "\n", encoding="utf-8")
    out, err = run("rank", "--job", str(job), "--resumes", str(profiles), "--json")
    assert sorted(m["key"] for m in json.loads(out)["matches"]) == ["a.pdf", "a.pdf#2"]
    assert "also on line 1" in err
