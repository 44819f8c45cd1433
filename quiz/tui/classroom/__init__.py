"""The classroom terminals: the student client and the teacher's dashboard."""
