using System.Buffers;

namespace OutreachBot.Domain.Directory.Referrals;

/// <summary>
/// The referral route of the article: who can introduce you, and the shortest introduction paths from you to
/// anyone in the target department. People are linked by the same department, manager/report and recorded past
/// introductions (undirected, see <see cref="RecordedIntroduction"/>). Breadth-first search; ties are broken by
/// how many veterans a path goes through, then connection kind (manager, report, colleague, past introduction) and
/// then person id, so answers are stable. Nobody is asked to go through the CEO or the people reporting to them
/// (top executives) unless no other path exists, and the answer says so.
/// Build one per directory snapshot and introductions list; it is immutable and safe to share between threads.
/// </summary>
public sealed class ReferralPathFinder
{
    private const int Unseen = -1;

    private readonly OrgDirectory directory;
    private readonly ReferralOptions options;
    private readonly Person[] people;
    private readonly Dictionary<string, int> indexOf;
    private readonly int[] departmentOf;
    private readonly Dictionary<string, int> departmentIndex;
    private readonly int[][] departmentMembers;
    private readonly int[] managerOf;
    private readonly int[][] reportsOf;
    private readonly int[][] introducedTo;
    private readonly bool[] topExecutive;

    public ReferralPathFinder(OrgDirectory directory, IEnumerable<RecordedIntroduction> introductions, ReferralOptions? options = null)
    {
        this.directory = directory;
        this.options = options ?? ReferralOptions.Default;
        people = [.. directory.People];
        indexOf = new Dictionary<string, int>(people.Length, StringComparer.Ordinal);
        for (var i = 0; i < people.Length; i++)
        {
            indexOf[people[i].Id] = i;
        }

        departmentIndex = new Dictionary<string, int>(directory.Departments.Count, StringComparer.Ordinal);
        for (var d = 0; d < directory.Departments.Count; d++)
        {
            departmentIndex[directory.Departments[d].Id] = d;
        }

        departmentOf = [.. people.Select(p => departmentIndex[p.DepartmentId])];
        managerOf = [.. people.Select(p => p.ManagerId is { } m ? indexOf[m] : Unseen)];

        // People are ordered by id, so bucketing them in order gives each department's members and each manager's
        // reports by id, as the directory lists them, without a lookup per person.
        departmentMembers = Buckets(departmentOf, directory.Departments.Count);
        reportsOf = Buckets(managerOf, people.Length);

        var known = new SortedSet<int>[people.Length];
        foreach (var introduction in introductions)
        {
            if (indexOf.TryGetValue(introduction.IntroducedId, out var a) && indexOf.TryGetValue(introduction.ToPersonId, out var b) && a != b)
            {
                (known[a] ??= []).Add(b);
                (known[b] ??= []).Add(a);
            }
        }

        introducedTo = [.. known.Select(set => set?.ToArray() ?? [])];
        topExecutive = [.. managerOf.Select(m => m == Unseen || managerOf[m] == Unseen)];
    }

    /// <summary>For each owner, the indexes i (ascending) with owners[i] == owner; owners may be <see cref="Unseen"/>.</summary>
    private static int[][] Buckets(int[] owners, int ownerCount)
    {
        var counts = new int[ownerCount];
        foreach (var owner in owners)
        {
            if (owner != Unseen)
            {
                counts[owner]++;
            }
        }

        var buckets = new int[ownerCount][];
        for (var o = 0; o < ownerCount; o++)
        {
            buckets[o] = counts[o] == 0 ? [] : new int[counts[o]];
            counts[o] = 0;
        }

        for (var i = 0; i < owners.Length; i++)
        {
            if (owners[i] != Unseen)
            {
                buckets[owners[i]][counts[owners[i]]++] = i;
            }
        }

        return buckets;
    }

    /// <summary>How <paramref name="fromPersonId"/> knows <paramref name="toPersonId"/> by the directory or a recorded introduction; null when they don't.</summary>
    public Connection? Knows(string fromPersonId, string toPersonId)
    {
        if (!indexOf.TryGetValue(fromPersonId, out var from) || !indexOf.TryGetValue(toPersonId, out var to) || from == to)
        {
            return null;
        }

        var via = ConnectionBetween(from, to);
        return via != Connection.PastIntroduction || Array.BinarySearch(introducedTo[from], to) >= 0 ? via : null;
    }

    /// <summary>The CEO (no manager) or someone reporting to them.</summary>
    public bool IsTopExecutive(string personId) => indexOf.TryGetValue(personId, out var i) && topExecutive[i];

    /// <summary>
    /// Up to <paramref name="top"/> shortest paths from the person to any member of the department, avoiding top
    /// executives in between unless nothing else connects; with <paramref name="at"/>, paths through more veterans first.
    /// </summary>
    public ReferralPaths FindPaths(string fromPersonId, string targetDepartmentId, int top = 3, DateOnly? at = null) =>
        FindPaths(fromPersonId, targetDepartmentId, top, at, bothWays: true);

    private ReferralPaths FindPaths(string fromPersonId, string targetDepartmentId, int top, DateOnly? at, bool bothWays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (!indexOf.TryGetValue(fromPersonId, out var source))
        {
            return new(ReferralStatus.UnknownPerson, []);
        }

        if (!departmentIndex.TryGetValue(targetDepartmentId, out var target))
        {
            return new(ReferralStatus.UnknownDepartment, []);
        }

        if (departmentOf[source] == target)
        {
            return new(ReferralStatus.AlreadyInDepartment, [new IntroductionPath(people[source], [])]);
        }

        var paths = FindPaths(source, target, top, at, avoidTop: true, bothWays);
        if (paths.Count > 0)
        {
            return new(ReferralStatus.Found, paths);
        }

        paths = FindPaths(source, target, top, at, avoidTop: false, bothWays);
        return paths.Count == 0 ? new(ReferralStatus.NoPath, []) : new(ReferralStatus.Found, paths, ThroughTopExecutives: true);
    }

    /// <summary>The same answers from the breadth-first search of the source alone: the reference the two-way search is tested against.</summary>
    internal ReferralPaths FindPathsOneWay(string fromPersonId, string targetDepartmentId, int top = 3, DateOnly? at = null) =>
        FindPaths(fromPersonId, targetDepartmentId, top, at, bothWays: false);

    private List<IntroductionPath> FindPaths(int source, int target, int top, DateOnly? at, bool avoidTop, bool bothWays)
    {
        var distance = ArrayPool<int>.Shared.Rent(people.Length);
        try
        {
            var reached = bothWays ? SearchBothWays(source, target, distance, avoidTop) : Search([source], distance, target, avoidTop);
            var paths = new List<IntroductionPath>();
            var trail = new List<int>();
            var wanted = at is null ? top : top * 4;
            foreach (var end in reached)
            {
                Unwind(end, source, distance, trail, paths, wanted);
                if (paths.Count >= wanted)
                {
                    break;
                }
            }

            if (at is { } day)
            {
                // Stable sort: among equally short paths, more veterans in between first, else the order found.
                paths = [.. paths.Select((p, i) => (Path: p, Index: i))
                    .OrderByDescending(x => x.Path.Steps.Skip(1).Count(step => step.From.TenureYears(day) >= options.VeteranYears))
                    .ThenBy(x => x.Index)
                    .Select(x => x.Path)
                    .Take(top)];
            }

            return paths;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(distance);
        }
    }

    /// <summary>
    /// Colleagues with at least <see cref="ReferralOptions.VeteranYears"/> of service within reach of you: fewest steps
    /// from you to the department through them first, then nearest to you, then longest serving. Top executives only
    /// when no one else qualifies.
    /// </summary>
    public IReadOnlyList<VeteranIntroducer> FindVeterans(string fromPersonId, string targetDepartmentId, DateOnly at, int top = 5)
    {
        if (!indexOf.TryGetValue(fromPersonId, out var source) || !departmentIndex.TryGetValue(targetDepartmentId, out var target))
        {
            return [];
        }

        var fromYou = ArrayPool<int>.Shared.Rent(people.Length);
        var toTarget = ArrayPool<int>.Shared.Rent(people.Length);
        try
        {
            Search([source], fromYou, targetDepartment: null, avoidTop: false);
            Search(departmentMembers[target], toTarget, targetDepartment: null, avoidTop: false);
            var veterans = Enumerable.Range(0, people.Length)
                .Where(i => i != source && fromYou[i] != Unseen && people[i].TenureYears(at) >= options.VeteranYears)
                .ToList();
            if (veterans.Any(i => !topExecutive[i]))
            {
                veterans.RemoveAll(i => topExecutive[i]);
            }

            return [.. veterans
                .OrderBy(i => fromYou[i] + (toTarget[i] == Unseen ? options.MaxHops + 1 : toTarget[i]))
                .ThenBy(i => fromYou[i])
                .ThenBy(i => people[i].HireDate)
                .ThenBy(i => i)
                .Take(top)
                .Select(i => new VeteranIntroducer(people[i], directory.GetDepartment(people[i].DepartmentId), people[i].TenureYears(at),
                    fromYou[i], toTarget[i] == Unseen ? null : toTarget[i]))];
        }
        finally
        {
            ArrayPool<int>.Shared.Return(fromYou);
            ArrayPool<int>.Shared.Return(toTarget);
        }
    }

    /// <summary>
    /// Breadth-first distances from the sources, at most <see cref="ReferralOptions.MaxHops"/>. With a target
    /// department it stops after the layer that first reaches it and returns the members reached there, by id.
    /// </summary>
    /// <param name="avoidTop">Top executives are not passed through (they may still be reached as members of the target).</param>
    private List<int> Search(int[] sources, int[] distance, int? targetDepartment, bool avoidTop)
    {
        Array.Fill(distance, Unseen, 0, people.Length);
        var expanded = new bool[departmentMembers.Length];
        var queue = new Queue<int>();
        var reached = new List<int>();
        foreach (var source in sources)
        {
            distance[source] = 0;
            queue.Enqueue(source);
        }
        while (queue.TryDequeue(out var current))
        {
            var next = distance[current] + 1;
            if (next > options.MaxHops || (reached.Count > 0 && next > distance[reached[0]]))
            {
                break;
            }

            if (managerOf[current] != Unseen)
            {
                Visit(managerOf[current]);
            }

            foreach (var report in reportsOf[current])
            {
                Visit(report);
            }

            if (!expanded[departmentOf[current]])
            {
                expanded[departmentOf[current]] = true;
                foreach (var colleague in departmentMembers[departmentOf[current]])
                {
                    Visit(colleague);
                }
            }

            foreach (var acquaintance in introducedTo[current])
            {
                Visit(acquaintance);
            }

            void Visit(int person)
            {
                if (distance[person] != Unseen || (avoidTop && topExecutive[person] && targetDepartment != departmentOf[person]))
                {
                    return;
                }

                distance[person] = next;
                if (targetDepartment == departmentOf[person])
                {
                    reached.Add(person);
                }
                else
                {
                    queue.Enqueue(person);
                }
            }
        }

        reached.Sort();
        return reached;
    }

    /// <summary>
    /// What <see cref="Search"/> returns for a target department, with the same distances wherever
    /// <see cref="Unwind"/> looks, but searching from both ends: from the person and from the department's members,
    /// always the side with the smaller frontier, until they meet. At 500,000 people one side alone reaches most of
    /// the company at 5–6 steps; the two halves reach a few thousand each.
    /// Then the distances from the person are filled in only on the shortest paths beyond what the person's side
    /// reached: a node k + 1 steps from the person is one the department's side found d − k − 1 steps from the
    /// department that has a neighbour at k. Unwinding only ever asks about such nodes (a neighbour one step closer to
    /// the person of a node on a shortest path is on a shortest path too).
    /// </summary>
    private List<int> SearchBothWays(int source, int targetDepartment, int[] distance, bool avoidTop)
    {
        Array.Fill(distance, Unseen, 0, people.Length);
        var toTarget = ArrayPool<int>.Shared.Rent(people.Length);
        Array.Fill(toTarget, Unseen, 0, people.Length);
        var expandedFrom = new bool[departmentMembers.Length];
        var expandedTo = new bool[departmentMembers.Length];
        var shortest = int.MaxValue;
        try
        {
            var forward = new List<int> { source };
            var backward = new List<int>(departmentMembers[targetDepartment]);
            var backwardLayers = new List<List<int>> { backward };
            distance[source] = 0;
            foreach (var member in backward)
            {
                toTarget[member] = 0;
            }

            expandedTo[targetDepartment] = true;
            int forwardDepth = 0, backwardDepth = 0;
            while (shortest == int.MaxValue && forwardDepth + backwardDepth < options.MaxHops && forward.Count > 0 && backward.Count > 0)
            {
                if (forward.Count <= backward.Count)
                {
                    forward = Expand(forward, distance, toTarget, expandedFrom, ++forwardDepth, stopAt: targetDepartment, endpoint: Unseen);
                }
                else
                {
                    backward = Expand(backward, toTarget, distance, expandedTo, ++backwardDepth, stopAt: Unseen, endpoint: source);
                    backwardLayers.Add(backward);
                }
            }

            if (shortest > options.MaxHops)
            {
                return [];
            }

            // Distances from the person beyond its own side: layer k + 1 is the department side's layer d − k − 1
            // minus whoever the person's side labelled already, keeping those next to layer k.
            var hasLayer = new int[departmentMembers.Length];
            for (var k = forwardDepth; k < shortest; k++)
            {
                var fromTarget = shortest - k - 1;
                if (fromTarget >= backwardLayers.Count)
                {
                    continue;
                }

                foreach (var person in backwardLayers[fromTarget])
                {
                    if (distance[person] == Unseen && toTarget[person] == fromTarget && NextTo(person, k, hasLayer))
                    {
                        distance[person] = k + 1;
                    }
                }
            }

            var reached = new List<int>();
            foreach (var member in departmentMembers[targetDepartment])
            {
                if (distance[member] == shortest)
                {
                    reached.Add(member);
                }
            }

            return reached;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(toTarget);
        }

        // One breadth-first layer of one side. stopAt: a department whose members are reached but not passed through
        // (the target, from the person's side); endpoint: a person reached but not passed through (the person, from
        // the department's side). A node the other side labelled already is where the two meet.
        List<int> Expand(List<int> frontier, int[] mine, int[] theirs, bool[] expanded, int depth, int stopAt, int endpoint)
        {
            var next = new List<int>();
            foreach (var current in frontier)
            {
                if (managerOf[current] != Unseen)
                {
                    Visit(managerOf[current]);
                }

                foreach (var report in reportsOf[current])
                {
                    Visit(report);
                }

                if (!expanded[departmentOf[current]])
                {
                    expanded[departmentOf[current]] = true;
                    foreach (var colleague in departmentMembers[departmentOf[current]])
                    {
                        Visit(colleague);
                    }
                }

                foreach (var acquaintance in introducedTo[current])
                {
                    Visit(acquaintance);
                }
            }

            return next;

            void Visit(int person)
            {
                var passThrough = person != endpoint && departmentOf[person] != stopAt;
                if (mine[person] != Unseen || (avoidTop && topExecutive[person] && departmentOf[person] != targetDepartment && person != endpoint))
                {
                    return;
                }

                mine[person] = depth;
                if (theirs[person] != Unseen)
                {
                    shortest = Math.Min(shortest, depth + theirs[person]);
                }
                else if (passThrough)
                {
                    next.Add(person);
                }
            }
        }

        // Whether the person has a neighbour at distance k from the source (colleagues checked once per department and k).
        bool NextTo(int person, int k, int[] hasLayer)
        {
            if (managerOf[person] != Unseen && distance[managerOf[person]] == k)
            {
                return true;
            }

            foreach (var report in reportsOf[person])
            {
                if (distance[report] == k)
                {
                    return true;
                }
            }

            foreach (var acquaintance in introducedTo[person])
            {
                if (distance[acquaintance] == k)
                {
                    return true;
                }
            }

            var department = departmentOf[person];
            if (hasLayer[department] >> 1 != k + 1)
            {
                var found = 0;
                foreach (var colleague in departmentMembers[department])
                {
                    if (distance[colleague] == k)
                    {
                        found = 1;
                        break;
                    }
                }

                hasLayer[department] = ((k + 1) << 1) | found;
            }

            return (hasLayer[department] & 1) == 1;
        }
    }

    /// <summary>Walks back from <paramref name="person"/> to the source through neighbours one hop closer, collecting whole paths.</summary>
    private void Unwind(int person, int source, int[] distance, List<int> trail, List<IntroductionPath> paths, int top)
    {
        trail.Add(person);
        if (person == source)
        {
            paths.Add(ToPath(trail));
        }
        else
        {
            var tried = new HashSet<int>();
            foreach (var (neighbour, _) in Neighbours(person))
            {
                if (paths.Count >= top)
                {
                    break;
                }

                if (distance[neighbour] == distance[person] - 1 && distance[neighbour] != Unseen && tried.Add(neighbour))
                {
                    Unwind(neighbour, source, distance, trail, paths, top);
                }
            }
        }

        trail.RemoveAt(trail.Count - 1);
    }

    private IntroductionPath ToPath(List<int> reversed)
    {
        var steps = new List<PathStep>(reversed.Count - 1);
        for (var i = reversed.Count - 1; i > 0; i--)
        {
            var from = reversed[i];
            var to = reversed[i - 1];
            steps.Add(new PathStep(people[from], people[to], ConnectionBetween(from, to)));
        }

        return new IntroductionPath(people[reversed[^1]], steps);
    }

    private Connection ConnectionBetween(int from, int to) =>
        managerOf[from] == to ? Connection.Manager
        : managerOf[to] == from ? Connection.DirectReport
        : departmentOf[from] == departmentOf[to] ? Connection.SameDepartment
        : Connection.PastIntroduction;

    /// <summary>Everyone the person knows, in tie-break order: manager, reports, colleagues, past introductions; each by id.</summary>
    private IEnumerable<(int Person, Connection Via)> Neighbours(int person)
    {
        if (managerOf[person] != Unseen)
        {
            yield return (managerOf[person], Connection.Manager);
        }

        foreach (var report in reportsOf[person])
        {
            yield return (report, Connection.DirectReport);
        }

        foreach (var colleague in departmentMembers[departmentOf[person]])
        {
            if (colleague != person)
            {
                yield return (colleague, Connection.SameDepartment);
            }
        }

        foreach (var acquaintance in introducedTo[person])
        {
            yield return (acquaintance, Connection.PastIntroduction);
        }
    }
}
