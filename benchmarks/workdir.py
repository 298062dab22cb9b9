"""The benchmark's folder of generated inputs, made once and reused while it is current.

Inputs live in ``benchmarks/.work/inputs-<fingerprint>/`` (git-ignored). The
fingerprint covers the generator's source, the sizes and the score file's
schema version, so a change to any of them makes a new folder; ``--fresh``
makes one regardless. Filling the score file with 100,000 rounds and a
million answers, and another with a million rounds (no answers), is most of
the set-up time, which is why it is kept.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import inputs
from baselines import write_baselines

BENCH_DIR = Path(__file__).resolve().parent
WORK_DIR = BENCH_DIR / ".work"
BIG_QUESTIONS = 10_000
LIST_PACKS = 50
LIST_QUESTIONS = 1_000
SCORE_ROUNDS = 100_000
# -- the score file's bigger inputs: a million rounds, and export files to import --
MILLION_ROUNDS = 1_000_000  # rounds only: ``quiz scores`` never reads the answers
IMPORT_ROUNDS = (
    20_000,
    40_000,
)  # one player, one board, one score: the duplicate check's worst case


@dataclass(frozen=True)
class Inputs:
    root: Path
    big_yaml: Path
    big_json: Path
    builtin_json: Path
    home_builtin: Path  # data folder for rounds of the built-in pack
    home_big: Path  # data folder for rounds of the big pack
    home_list: Path  # data folder with 50 installed packs
    home_scores: Path  # data folder with 100,000 rounds
    home_million: Path  # data folder with 1,000,000 rounds (no answers)
    exports: dict[int, Path]  # export files by their number of rounds
    typer_app: Path
    yaml_load: Path
    scores_insert: Path  # the least an import does: JSON in, rows inserted
    info: dict[str, str]


def _fingerprint() -> str:
    from quiz.store import schema

    digest = hashlib.sha256()
    for name in ("inputs.py", "baselines.py", "workdir.py"):
        digest.update((BENCH_DIR / name).read_bytes())
    sizes = (BIG_QUESTIONS, LIST_PACKS, LIST_QUESTIONS, SCORE_ROUNDS, schema.SCHEMA_VERSION)
    sizes += (MILLION_ROUNDS, IMPORT_ROUNDS)
    digest.update(repr(sizes).encode())
    return digest.hexdigest()[:12]


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _paths(root: Path) -> Inputs:
    info_file = root / "info.json"
    info = json.loads(info_file.read_text()) if info_file.exists() else {}
    return Inputs(
        root=root,
        big_yaml=root / "big.yaml",
        big_json=root / "big.json",
        builtin_json=root / "builtin.json",
        home_builtin=root / "home-builtin",
        home_big=root / "home-big",
        home_list=root / "home-list",
        home_scores=root / "home-scores",
        home_million=root / "home-million",
        exports={n: root / f"export-{n}.json" for n in IMPORT_ROUNDS},
        typer_app=root / "typer_app.py",
        yaml_load=root / "yaml_load.py",
        scores_insert=root / "scores_insert.py",
        info=info,
    )


def prepare(fresh: bool = False) -> Inputs:
    """The inputs folder, generating it first if it is missing, stale or ``fresh`` is asked."""
    WORK_DIR.mkdir(exist_ok=True)
    root = WORK_DIR / f"inputs-{_fingerprint()}"
    if fresh and root.exists():
        shutil.rmtree(root)
    if not (root / "info.json").exists():
        for old in WORK_DIR.glob("inputs-*"):
            shutil.rmtree(old, ignore_errors=True)
        building = Path(tempfile.mkdtemp(prefix="building-", dir=WORK_DIR))
        try:
            _generate(_paths(building))
            building.rename(root)
        finally:
            shutil.rmtree(building, ignore_errors=True)
    return _paths(root)


def _generate(target: Inputs) -> None:
    import yaml

    from quiz.packs.builtin import builtin_pack_path

    started = time.perf_counter()
    _log(f"generating inputs in {target.root.parent} (once; reused while current) ...")
    write_baselines(target.root)
    big = inputs.make_pack("bench-big", BIG_QUESTIONS, seed=1)
    inputs.write_pack(big, target.big_yaml, target.big_json)
    with builtin_pack_path().open("rb") as fh:
        builtin = yaml.safe_load(fh)
    target.builtin_json.write_text(json.dumps(builtin, ensure_ascii=False), encoding="utf-8")
    pack_ids = [f"bench-{n:02d}" for n in range(1, LIST_PACKS + 1)]
    packs = target.home_list / "packs"
    packs.mkdir(parents=True)
    for n, pack_id in enumerate(pack_ids, 1):
        inputs.write_pack(
            inputs.make_pack(pack_id, LIST_QUESTIONS, seed=100 + n), packs / f"{pack_id}.yaml"
        )
    for home in (target.home_builtin, target.home_big, target.home_scores):
        home.mkdir()
    _log(f"  packs written ({time.perf_counter() - started:.1f} s); filling the score file ...")
    questions = [q["id"] for q in builtin["questions"]]
    size = inputs.fill_scores(target.home_scores, SCORE_ROUNDS, pack_ids, questions)
    info = {
        "big_yaml_mb": f"{target.big_yaml.stat().st_size / 1e6:.1f}",
        "scores_mb": f"{size / 1e6:.0f}",
    }
    info.update(_score_inputs(target, pack_ids, questions, started))
    (target.root / "info.json").write_text(json.dumps(info), encoding="utf-8")
    _log(f"  done in {time.perf_counter() - started:.1f} s")


def _score_inputs(
    target: Inputs, pack_ids: list[str], questions: list[str], started: float
) -> dict[str, str]:
    """The million-round score file and the export files; their sizes for the header."""
    _log(f"  100,000 rounds done ({time.perf_counter() - started:.1f} s); a million ...")
    target.home_million.mkdir()
    size = inputs.fill_scores(
        target.home_million, MILLION_ROUNDS, pack_ids, questions, answers=False
    )
    for rounds, path in target.exports.items():
        inputs.write_one_player_export(path, rounds)
    return {"million_mb": f"{size / 1e6:.0f}"}
