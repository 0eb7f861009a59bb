import pytest
from django.test import Client


@pytest.mark.django_db
def test_login_is_locked_after_repeated_failures(member):
    client = Client()
    for _ in range(4):
        response = client.post("/login/", {"username": "mia", "password": "wrong"})
        assert response.status_code == 200
    fifth = client.post("/login/", {"username": "mia", "password": "wrong"})
    assert fifth.status_code == 429
    locked = client.post("/login/", {"username": "mia", "password": "correct horse battery staple"})
    assert locked.status_code == 429
    assert b"Too many failed log-ins" in locked.content


@pytest.mark.django_db
def test_the_right_password_logs_in(member):
    client = Client()
    response = client.post(
        "/login/", {"username": "mia", "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 302


@pytest.mark.django_db
def test_a_user_can_change_their_password(member, login):
    client = login(member)
    response = client.post(
        "/password/",
        {
            "old_password": "correct horse battery staple",
            "new_password1": "a much better passphrase 42",
            "new_password2": "a much better passphrase 42",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("a much better passphrase 42")
