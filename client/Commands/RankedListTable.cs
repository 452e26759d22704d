using System.Globalization;
using OnlineRecs.Abstractions.Serving;
using Spectre.Console;

namespace OnlineRecs.Client.Commands;

/// <summary>Prints a ranked answer of the cluster: rank, id, title when any item has one, score.</summary>
internal static class RankedListTable
{
    public static void Print(string heading, ScoredItems list, string idColumn = "item id")
    {
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(heading)} (model version {list.ModelVersion})[/]");
        if (list.Items.Length == 0)
        {
            AnsiConsole.MarkupLine("[yellow]nothing to list[/]");
            return;
        }
        var withTitles = list.Items.Any(i => i.Title is not null);
        var table = new Table().AddColumn(new TableColumn("rank").RightAligned()).AddColumn(new TableColumn(idColumn).RightAligned());
        if (withTitles) table.AddColumn("title");
        table.AddColumn(new TableColumn("score").RightAligned());
        for (var n = 0; n < list.Items.Length; n++)
        {
            var item = list.Items[n];
            string[] cells = withTitles
                ? [(n + 1).ToString(CultureInfo.InvariantCulture), item.ItemId.ToString(CultureInfo.InvariantCulture), Markup.Escape(item.Title ?? ""), Score(item)]
                : [(n + 1).ToString(CultureInfo.InvariantCulture), item.ItemId.ToString(CultureInfo.InvariantCulture), Score(item)];
            table.AddRow(cells);
        }
        AnsiConsole.Write(table);
    }

    private static string Score(ItemScore item) => item.Score.ToString("F4", CultureInfo.InvariantCulture);
}
