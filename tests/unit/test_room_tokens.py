"""Room tokens as people type them: any case, 0 for O and 1 for I, and nothing else let through."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coalition_cli.core.room.tokens import BASE32, TOKEN_LENGTH, RoomSecrets, token_shaped, typed_token

SECRETS = RoomSecrets("2I6FOOZUYUB5QIRL7O3XKM4ADI", "FACILITATORFACILITATOR2345", "ab" * 32)
MISREADINGS = {"O": "0Oo", "I": "1Ii"}


@given(st.data())
def test_any_reading_of_the_join_token_off_the_screen_joins(data: st.DataObject) -> None:
    typed = "".join(
        data.draw(st.sampled_from(MISREADINGS.get(char, char + char.lower()))) for char in SECRETS.join
    )
    assert SECRETS.is_join(typed) and token_shaped(typed)
    assert not SECRETS.is_facilitator(typed)


@given(st.text(alphabet=sorted(BASE32) + list("01"), min_size=TOKEN_LENGTH, max_size=TOKEN_LENGTH))
def test_another_token_of_the_same_shape_does_not_join(token: str) -> None:
    if typed_token(token) != SECRETS.join:
        assert not SECRETS.is_join(token)
    assert token_shaped(token)


def test_the_shape_of_a_token() -> None:
    assert typed_token("2i6f00") == "2I6FOO"
    for text in ("", SECRETS.join[:-1], SECRETS.join + "A", SECRETS.join[:-1] + "8", SECRETS.join[:-1] + "é"):
        assert not token_shaped(text), text
        assert not SECRETS.is_join(text)
    assert not SECRETS.is_join(SECRETS.join[:-2] + "ß")  # "SS" in capitals: the same length, not the token
    made = RoomSecrets.new()
    assert token_shaped(made.join) and token_shaped(made.facilitator)
