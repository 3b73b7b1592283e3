"""What learners paste: a message's parts, a Dockerfile reviewed, docker output read back, and
the mistake in a command line named."""
