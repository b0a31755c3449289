<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows an RSS 2.0 or Atom feed of this site as a readable page when someone opens it in a
  browser, with a sentence on how to subscribe. Feed readers ignore it. XSLT 1.0 (the only version
  browsers run); no script, nothing loaded from anywhere, the styles inline.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <!-- RSS 2.0: <rss><channel>, the address in the channel's atom:link rel="self". -->
  <xsl:template match="/rss">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="channel/title"/>
      <xsl:with-param name="description" select="channel/description"/>
      <xsl:with-param name="lang" select="channel/language"/>
      <xsl:with-param name="feed-url" select="channel/atom:link[@rel = 'self']/@href"/>
      <xsl:with-param name="site-url" select="channel/link"/>
      <xsl:with-param name="format" select="'RSS'"/>
      <xsl:with-param name="count" select="count(channel/item)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Atom: <feed> in the Atom namespace. -->
  <xsl:template match="/atom:feed">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="atom:title"/>
      <xsl:with-param name="description" select="atom:subtitle"/>
      <xsl:with-param name="lang" select="@xml:lang"/>
      <xsl:with-param name="feed-url" select="atom:link[@rel = 'self']/@href"/>
      <xsl:with-param name="site-url" select="atom:link[@rel = 'alternate']/@href"/>
      <xsl:with-param name="format" select="'Atom'"/>
      <xsl:with-param name="count" select="count(atom:entry)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="page">
    <xsl:param name="title"/>
    <xsl:param name="description"/>
    <xsl:param name="lang"/>
    <xsl:param name="feed-url"/>
    <xsl:param name="site-url"/>
    <xsl:param name="format"/>
    <xsl:param name="count"/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:value-of select="$title"/> (<xsl:value-of select="$format"/> feed)</title>
        <style>
          :root { color-scheme: light dark; --fg: #1a1a1a; --muted: #5c5c5c; --bg: #fff; --rule: #d8d8d8; --link: #0b5394; --note: #f2f5f9; }
          @media (prefers-color-scheme: dark) {
            :root { --fg: #ececec; --muted: #b3b3b3; --bg: #161616; --rule: #3a3a3a; --link: #8cb8ec; --note: #1f2630; }
          }
          body { margin: 0; background: var(--bg); color: var(--fg); font: 1.0625rem/1.55 Georgia, 'Times New Roman', serif; }
          main { max-inline-size: 42rem; margin-inline: auto; padding: 1.5rem 1rem 3rem; }
          h1 { font-size: 1.75rem; line-height: 1.2; margin-block: 0 0.5rem; }
          .about, .date { font-family: system-ui, sans-serif; }
          .description { color: var(--muted); margin-block: 0 1.25rem; }
          .about { background: var(--note); border-inline-start: 4px solid var(--link); padding: 0.75rem 1rem; font-size: 0.9375rem; }
          .about p { margin-block: 0 0.5rem; }
          .about p:last-child { margin-block-end: 0; }
          .feed-url { display: block; overflow-wrap: anywhere; font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 0.9375rem; padding: 0.375rem 0.5rem; background: var(--bg); border: 1px solid var(--rule); user-select: all; }
          a { color: var(--link); }
          ol { list-style: none; padding: 0; margin-block: 1.5rem 0; }
          li { border-block-start: 1px solid var(--rule); padding-block: 1rem; }
          h2 { font-size: 1.25rem; line-height: 1.3; margin: 0 0 0.25rem; }
          li p { margin: 0; }
          li .date { color: var(--muted); font-size: 0.875rem; margin-block-end: 0.25rem; }
        </style>
      </head>
      <body>
        <main>
          <h1><xsl:value-of select="$title"/></h1>
          <p class="description"><xsl:value-of select="$description"/></p>
          <section class="about" aria-label="How to subscribe">
            <p>
              <strong>This is a web feed.</strong> Copy this address into your feed reader to subscribe:
            </p>
            <p><code class="feed-url"><xsl:value-of select="$feed-url"/></code></p>
            <p>
              <xsl:value-of select="$format"/> feed, newest <xsl:value-of select="$count"/>
              <xsl:choose>
                <xsl:when test="$count = 1"> report</xsl:when>
                <xsl:otherwise> reports</xsl:otherwise>
              </xsl:choose>.
              <a href="{$site-url}">Visit the website</a>
            </p>
          </section>
          <ol>
            <xsl:apply-templates select="channel/item | atom:entry"/>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <article>
        <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
        <!-- "Tue, 28 Mar 2023 21:00:00 GMT": an instant with its zone, shown as written. -->
        <p class="date"><xsl:value-of select="pubDate"/></p>
        <p><xsl:value-of select="description"/></p>
      </article>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <article>
        <h2>
          <a href="{atom:link[@rel = 'alternate' or not(@rel)][1]/@href}"><xsl:value-of select="atom:title"/></a>
        </h2>
        <!-- "2023-03-29T00:00:00+03:00" (the site's zone) shown as "2023-03-29 00:00 +03:00". -->
        <p class="date">
          <time datetime="{atom:published}">
            <xsl:value-of select="concat(substring(atom:published, 1, 10), ' ', substring(atom:published, 12, 5), ' ', substring(atom:published, 20))"/>
          </time>
        </p>
        <p><xsl:value-of select="atom:summary"/></p>
      </article>
    </li>
  </xsl:template>
</xsl:stylesheet>
