u = URI.parse("HTTPS://u:p@[::1]:8443/a?b#c")
{u, u.host, URI.parse("x:").port, URI.parse("//").authority, URI.parse("a\nb")}
