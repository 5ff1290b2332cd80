// The fake platforms, SMTP servers and webhook receivers of the tests listen on 127.0.0.1: the
// outbound guard refuses loopback unless the operator allows it, as a self-hosted receiver would be.
process.env.OUTBOUND_ALLOW_HOSTS ??= "127.0.0.1";
