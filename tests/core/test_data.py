"""The shipped data match their provenance: checksums of the raw copies, row counts, coverage,
published values, and a byte-for-byte re-derivation by scripts/derive_data.py."""

import hashlib
import importlib.util
import re
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data_sources" / "occupations" / "raw"
ASSETS = ROOT / "upskill_roi" / "data"


def _derive_module():
    spec = importlib.util.spec_from_file_location("derive_data", ROOT / "scripts" / "derive_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _published_sums() -> dict[str, str]:
    text = (ROOT / "data_sources" / "occupations" / "PROVENANCE.md").read_text(encoding="utf-8")
    return {path: digest for digest, path in re.findall(r"^([0-9a-f]{64})  raw/(\S+)$", text, flags=re.M)}


def test_raw_copies_match_the_published_checksums():
    sums = _published_sums()
    assert len(sums) == 7
    for rel, digest in sums.items():
        assert hashlib.sha256((RAW / rel).read_bytes()).hexdigest() == digest, rel


@pytest.fixture(scope="module")
def derive():
    return _derive_module()


def test_rederivation_reproduces_the_shipped_occupation_table(derive):
    assert (derive.derive_occupations(RAW).to_csv(index=False)
            == (ASSETS / "occupations.csv").read_text(encoding="utf-8"))


def test_rederivation_reproduces_the_shipped_task_table(derive):
    assert derive.derive_tasks(RAW).to_csv(index=False) == (ASSETS / "tasks.csv").read_text(encoding="utf-8")


def test_row_counts_and_coverage_as_documented():
    occ = pd.read_csv(ASSETS / "occupations.csv", dtype={"soc_code": str})
    # PROVENANCE.md: 847 rows; coverage gpt4 798, Microsoft 801, Anthropic 756, annual wage 825, any wage 846.
    assert len(occ) == 847 and occ["soc_code"].is_unique
    assert occ["gpt4_exposure_beta"].notna().sum() == 798
    assert occ["ms_ai_applicability"].notna().sum() == 801
    assert occ["aei_observed_exposure"].notna().sum() == 756
    assert occ["median_annual_wage"].notna().sum() == 825
    assert occ["wage_source_code"].notna().sum() == 846  # any wage data, top-coded medians included
    assert (occ["median_annual_wage"].notna() | occ["median_hourly_wage"].notna()).sum() == 846 - 16
    tasks = pd.read_csv(ASSETS / "tasks.csv", dtype=str)
    assert len(tasks) == 19_241 and set(tasks["exposure"]) == {"E0", "E1", "E2"}
    assert tasks["soc_code"].nunique() == 798


def test_published_values():
    occ = pd.read_csv(ASSETS / "occupations.csv", dtype={"soc_code": str}).set_index("soc_code")
    # Anthropic's published top values (PROVENANCE.md step 4).
    assert occ.loc["15-1251", "aei_observed_exposure"] == 0.7451
    assert occ.loc["43-4051", "aei_observed_exposure"] == 0.7011
    # BLS OEWS May 2024: all occupations' top-coded medians are empty with their flag.
    assert occ.loc["11-1011", "median_annual_wage"] == 206_420
    assert (occ["wage_flag"] == "annual_median_topcoded_>=239200;hourly_median_topcoded_>=115").sum() == 16


def test_licences_and_attribution_ship_with_the_data():
    for name in ("ATTRIBUTION.md", "PROVENANCE.md", "LICENSE-eloundou-MIT.txt", "LICENSE-microsoft-CC-BY-4.0.txt",
                 "NOTICE-microsoft.md"):
        assert (ASSETS / name).stat().st_size > 100, name
    text = (ASSETS / "ATTRIBUTION.md").read_text(encoding="utf-8")
    for required in ("MIT License", "CC BY 4.0", "O\\*NET", "USDOL/ETA", "Changes were made"):
        assert required in text
