#!/usr/bin/env python3
"""An external practice for steady: one small act of kindness towards yourself.

steady runs this program once per request, writes one JSON object to its stdin and reads
one JSON object from its stdout (protocol 1, see docs/external-practices.md). Enable it with

    [practices.kind-act]
    exec = "/full/path/to/examples/external-practice/kind-act.py"
    ideas = ["a cup of tea", "a short walk", "a message to a friend"]   # optional

On a weekend morning it offers a few small ideas; after a choice it asks, a couple of hours
later, how it felt. Only the Python standard library is used.
"""
import json
import sys

PROTOCOL = 1
DEFAULT_IDEAS = ["a cup of tea, slowly", "a short walk outside", "five minutes of music you love"]


def describe(request):
    return {
        "name": "A small kindness",
        "summary": "Invites one small act of care for yourself at the weekend.",
        "schedule": ["Sat,Sun 10:30"],
    }


def ideas(request):
    configured = request.get("settings", {}).get("ideas")
    if isinstance(configured, list) and configured and all(isinstance(i, str) for i in configured):
        return configured[:8]
    return DEFAULT_IDEAS


def prompt(request):
    occasion = request["occasion"]
    if occasion["reason"] == "follow-up" and occasion.get("key") == "how-was-it":
        return {
            "title": "How was it?",
            "body": "Earlier you picked something kind for yourself. How did it feel, from 1 to 5?",
            "answer": {"kind": "scale", "from": 1, "to": 5, "low": "not much", "high": "lovely"},
        }
    choices = [{"key": "idea-%d" % n, "label": idea[:60]} for n, idea in enumerate(ideas(request), 1)]
    choices.append({"key": "not-today", "label": "Not today"})
    return {
        "title": "Something kind for you",
        "body": "Is there one small thing you could do for yourself this morning?",
        "answer": {"kind": "choices", "choices": choices},
    }


def answer(request):
    value = request["answer"]
    if value["kind"] == "choice" and value["value"] == "not-today":
        return {"acknowledgement": "That's fine. Rest counts too.", "skip": True}
    if value["kind"] == "choice":
        return {
            "acknowledgement": "Enjoy it. I'll ask later how it felt.",
            "follow-ups": [{"after": 2 * 60 * 60, "key": "how-was-it"}],
        }
    return {"acknowledgement": "Thank you for noticing."}


def main():
    request = json.load(sys.stdin)
    if request.get("protocol") != PROTOCOL:
        print("kind-act.py speaks protocol %d only" % PROTOCOL, file=sys.stderr)
        return 2
    handlers = {"describe": describe, "prompt": prompt, "answer": answer}
    handler = handlers.get(request.get("request"))
    if handler is None:
        print("unknown request", file=sys.stderr)
        return 2
    reply = handler(request)
    reply["protocol"] = PROTOCOL
    json.dump(reply, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
