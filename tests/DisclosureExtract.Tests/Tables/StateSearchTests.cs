using DisclosureExtract.Tables;

namespace DisclosureExtract.Tests.Tables;

/// <summary>The column search's state set: how equal sums merge and which states are kept (the solver's results depend on both orders).</summary>
public class StateSearchTests
{
    private static Score S(double hard) => new(hard, 0);

    private static StateSearch Started(int columns)
    {
        var search = new StateSearch();
        search.UseColumns(columns);
        search.Start();
        return search;
    }

    private static long[] SumOf(StateSet states, int s) => states.SumAt(s).ToArray();

    [Fact]
    public void Equal_sums_merge_into_the_first_found_with_the_best_score_and_its_picks()
    {
        var search = Started(2);
        search.AddChild([[1, 0], [0, 1]], [S(1), S(2)]);
        search.AddChild([[0, 1], [1, 0]], [S(0), S(5)]);

        // found in order: (1,1) by picks 0,0 (score 1), (2,0) by 0,1 (6), (0,2) by 1,0 (2), (1,1) again by 1,1 (7)
        var states = search.States;
        Assert.Equal(3, states.Count);
        Assert.Equal([1L, 1L], SumOf(states, 0));
        Assert.Equal(S(7), states.ScoreAt(0));
        Assert.Equal([1, 1], search.Picks(0, 2));
        Assert.Equal([2L, 0L], SumOf(states, 1));
        Assert.Equal(S(6), states.ScoreAt(1));
        Assert.Equal([0, 1], search.Picks(1, 2));
        Assert.Equal([0L, 2L], SumOf(states, 2));
        Assert.Equal(S(2), states.ScoreAt(2));
        Assert.Equal([1, 0], search.Picks(2, 2));
    }

    [Fact]
    public void An_equal_score_for_the_same_sum_keeps_the_picks_found_first()
    {
        var search = Started(1);
        search.AddChild([[3], [1]], [S(1), S(1)]);
        search.AddChild([[0], [2]], [S(0), S(0)]);

        // 3+0 first, then 3+2, 1+0, and 1+2 = 3 again with the same score: picks stay 0,0
        var states = search.States;
        Assert.Equal(3, states.Count);
        Assert.Equal([3L], SumOf(states, 0));
        Assert.Equal([0, 0], search.Picks(0, 2));

        var differ = new bool[2];
        search.MarkDifferentPicks(0, 2, differ);
        Assert.Equal([true, false], differ);
    }

    [Fact]
    public void More_than_MaxStates_keeps_the_best_first_and_equal_scores_in_the_order_found()
    {
        var search = Started(1);
        var n = StateSearch.MaxStates + 36;
        var candidates = Enumerable.Range(0, n).Select(i => new long[] { i }).ToArray();
        var scores = Enumerable.Range(0, n).Select(i => S(i % 10)).ToArray();
        search.AddChild(candidates, scores);

        var expected = Enumerable.Range(0, n).OrderByDescending(i => i % 10).ThenBy(i => i).Take(StateSearch.MaxStates).ToArray();
        var states = search.States;
        Assert.Equal(StateSearch.MaxStates, states.Count);
        Assert.Equal(expected, Enumerable.Range(0, states.Count).Select(s => (int)SumOf(states, s)[0]).ToArray());
        Assert.Equal(expected, Enumerable.Range(0, states.Count).Select(s => search.Picks(s, 1)[0]).ToArray());
        Assert.Equal(expected.Select(i => S(i % 10)), Enumerable.Range(0, states.Count).Select(states.ScoreAt));
    }

    [Fact]
    public void A_child_with_one_candidate_moves_every_state_in_place()
    {
        var search = Started(2);
        search.AddChild([[1, 0], [0, 1], [2, 2]], [S(1), S(3), S(2)]);
        search.AddChild([[5, 7]], [S(10)]);

        // each state keeps its place, its sum moves by (5,7), its score gains 10, and its pick for the new child is 0
        var states = search.States;
        Assert.Equal(3, states.Count);
        Assert.Equal([6L, 7L], SumOf(states, 0));
        Assert.Equal([5L, 8L], SumOf(states, 1));
        Assert.Equal([7L, 9L], SumOf(states, 2));
        Assert.Equal([S(11), S(13), S(12)], Enumerable.Range(0, 3).Select(states.ScoreAt));
        Assert.Equal([0, 0], search.Picks(0, 2));
        Assert.Equal([1, 0], search.Picks(1, 2));
        Assert.Equal([2, 0], search.Picks(2, 2));

        // the sums stay comparable by hash: a later child merges equal sums as ever ((6,7)+(0,1) = (5,8)+(1,0))
        search.AddChild([[0, 1], [1, 0]], [S(0), S(0)]);
        Assert.Equal(5, search.States.Count);
    }
}
