"""Timing `NoteReader.read` on mixed, realistic notes: `python -m policy.management.bench_notes`."""

from __future__ import annotations

import argparse
import random
import time

from policy.engine.defaults import DEFAULT_TEXTS
from policy.engine.notes import NoteReader

_NAMES = ("Anna", "Paul", "Nina", "Jürgen", "Sofía", "Luca", "Chen", "Marie", "João", "Sanne")
_SHAPES = (
    "Hi {name}, we help agencies like yours cut production costs by {n}%. Open to a quick call?",
    "Hallo {name}, wir haben {year} zusammen bei der UFA gedreht. Viele Grüße, Max",
    "Great meeting you at the Berlin fintech meetup yesterday, {name}!",
    "I came across your profile and admire your work in media. Would love to connect.",
    "Bonjour {name}, nous avons travaillé ensemble chez Publicis en {year}. Au plaisir !",
    "Hola {name}, ¿te interesaría una auditoría gratuita de tus campañas? Son {n} minutos.",
    "Hoi {name}, bedankt voor het fijne gesprek van gisteren over de campagne.",
    "Ciao {name}, stiamo chiudendo un round di finanziamento seed da {n}0k, ti va di parlarne?",
    "Olá {name}, ganhe até R$ {n}00 por dia trabalhando de casa! Me chama no WhatsApp.",
    "Dear {name}, I'm a data engineer looking for my next role and would value your advice.",
    "Hi {name},\nloved your keynote on {n} lessons from scaling teams.\n– Nina",
    "{name} suggested I reach out about the {year} alumni dinner. Best, Paul Zimmermann",
    "Let's connect!",
    "Fellow alum of TU Munich ({year}) here, working in product now. Happy to connect.",
)


def mixed_notes(count: int, seed: int = 7) -> list[str]:
    """Return `count` distinct notes in realistic shapes and seven languages."""
    rng = random.Random(seed)
    defaults = [text for _, text in DEFAULT_TEXTS]
    notes = []
    for i in range(count):
        name = rng.choice(_NAMES)
        if rng.random() < 0.25:
            note = f"Hi {name}, {rng.choice(defaults)}"
        else:
            note = rng.choice(_SHAPES).format(name=name, n=rng.randint(2, 90), year=2000 + i % 25)
        notes.append(f"{note} #{i}" if rng.random() < 0.5 else note + " " * (i % 3))
    return notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=5000, help="number of distinct notes")
    args = parser.parse_args()
    warm_up = mixed_notes(args.n, seed=1)
    notes = mixed_notes(args.n, seed=2)
    # The first notes a process reads also build RE2's lazy automaton: time that separately.
    start = time.process_time()
    reader = NoteReader()
    for note in warm_up:
        reader.read(note)
    first = time.process_time() - start
    reader = NoteReader()
    start = time.process_time()
    for note in notes:
        reader.read(note)
    cold = time.process_time() - start
    start = time.process_time()
    for note in notes:
        reader.read(note)
    warm = time.process_time() - start
    print(f"{len(notes)} distinct notes, mean {sum(map(len, notes)) / len(notes):.0f} chars")
    print(f"first pass in a new process: {first / len(notes) * 1e6:.1f} µs per note (CPU)")
    print(f"unseen notes:                {cold / len(notes) * 1e6:.1f} µs per note (CPU)")
    print(f"repeated notes (cached):     {warm / len(notes) * 1e6:.2f} µs per note (CPU)")


if __name__ == "__main__":
    main()
