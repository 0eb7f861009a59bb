import pytest


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy_and_security_headers(client):
    response = client.get("/login/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_no_template_uses_inline_scripts_or_styles():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "templates"
    offenders = []
    for path in root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        lowered = text.lower()
        if "<script>" in lowered or " style=" in lowered or "<style" in lowered:
            offenders.append(str(path.relative_to(root)))
        if " onclick=" in lowered or " onload=" in lowered or " onsubmit=" in lowered:
            offenders.append(str(path.relative_to(root)))
    assert offenders == []
