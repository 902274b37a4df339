"""Values → text, pure: findings, plans, PR bodies, works drift and Actions outputs for people and tools."""
