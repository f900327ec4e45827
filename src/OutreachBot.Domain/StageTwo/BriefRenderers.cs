using System.Net;
using System.Text;

namespace OutreachBot.Domain.StageTwo;

/// <summary>Renders the brief as Markdown; user text is escaped so a stray * or | cannot break the layout.</summary>
public static class BriefMarkdownRenderer
{
    public static string Render(BriefView brief)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Escape(brief.Title)).AppendLine();
        foreach (var section in brief.Sections)
        {
            md.Append("## ").AppendLine(Escape(section.Title)).AppendLine();
            if (section.Insight is { } insight)
            {
                md.Append("> ").AppendLine(Escape(insight)).AppendLine();
            }

            var number = 0;
            foreach (var line in section.Lines)
            {
                md.AppendLine(line.Kind switch
                {
                    BriefLineKind.Bullet => "- " + Escape(line.Text),
                    BriefLineKind.Numbered => $"{++number}. {Escape(line.Text)}",
                    BriefLineKind.Link => $"- [{Escape(line.Text)}](<{line.Url!.AbsoluteUri}>)",
                    BriefLineKind.ToDo => "- [ ] " + Escape(line.Text),
                    _ => Escape(line.Text) + "  ",
                });
            }

            if (section.Table is { } table)
            {
                md.AppendLine();
                md.Append("| ").AppendJoin(" | ", table.Headers.Select(Escape)).AppendLine(" |");
                md.Append('|').AppendJoin("|", table.Headers.Select(_ => " --- ")).AppendLine("|");
                foreach (var row in table.Rows)
                {
                    md.Append("| ").AppendJoin(" | ", row.Select(Escape)).AppendLine(" |");
                }
            }

            md.AppendLine();
        }

        return md.ToString().TrimEnd() + "\n";
    }

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '~')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}

/// <summary>Renders the brief as an HTML fragment with inline styles, ready to paste into an e-mail.</summary>
public static class BriefHtmlRenderer
{
    public static string Render(BriefView brief)
    {
        var html = new StringBuilder();
        html.Append($"<div lang=\"{E(brief.CultureName)}\" style=\"font-family:sans-serif;font-size:14px;line-height:1.5\">\n");
        html.Append($"<h1 style=\"font-size:20px\">{E(brief.Title)}</h1>\n");
        foreach (var section in brief.Sections)
        {
            html.Append($"<h2 style=\"font-size:16px\">{E(section.Title)}</h2>\n");
            if (section.Insight is { } insight)
            {
                html.Append($"<blockquote style=\"margin:0 0 8px;padding-left:8px;border-left:3px solid #6264a7;color:#444\">{E(insight)}</blockquote>\n");
            }

            RenderLines(html, section.Lines);
            if (section.Table is { } table)
            {
                html.Append("<table style=\"border-collapse:collapse\">\n<tr>");
                foreach (var header in table.Headers)
                {
                    html.Append($"<th style=\"border:1px solid #ccc;padding:4px 8px;text-align:left\">{E(header)}</th>");
                }

                html.Append("</tr>\n");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>");
                    foreach (var cell in row)
                    {
                        html.Append($"<td style=\"border:1px solid #ccc;padding:4px 8px\">{E(cell)}</td>");
                    }

                    html.Append("</tr>\n");
                }

                html.Append("</table>\n");
            }
        }

        return html.Append("</div>\n").ToString();
    }

    private static void RenderLines(StringBuilder html, IReadOnlyList<BriefLine> lines)
    {
        string? openList = null;
        foreach (var line in lines)
        {
            var list = line.Kind switch
            {
                BriefLineKind.Numbered => "ol",
                BriefLineKind.Text => null,
                _ => "ul",
            };
            if (list != openList)
            {
                if (openList is not null)
                {
                    html.Append($"</{openList}>\n");
                }

                if (list is not null)
                {
                    html.Append($"<{list}>\n");
                }

                openList = list;
            }

            html.Append(line.Kind switch
            {
                BriefLineKind.Text => $"<p>{E(line.Text)}</p>\n",
                BriefLineKind.Link => $"<li><a href=\"{E(line.Url!.AbsoluteUri)}\">{E(line.Text)}</a></li>\n",
                BriefLineKind.ToDo => $"<li style=\"color:#b00020\">☐ {E(line.Text)}</li>\n",
                _ => $"<li>{E(line.Text)}</li>\n",
            });
        }

        if (openList is not null)
        {
            html.Append($"</{openList}>\n");
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
