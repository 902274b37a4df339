"""desired vs current → Plan, pure: snapshots, the publications manifest and the plan itself."""
