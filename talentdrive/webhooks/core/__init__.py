"""The pure part of webhooks: signing, backoff and the payload rule. No Django, so receivers may copy it."""
