#!/usr/bin/python3
"""Reference values for test/analytics/graph/reference-values.test.ts.

Run by hand, once, with Debian's networkx (apt-get install python3-networkx):
    /usr/bin/python3 test/analytics/graph/reference/generate-reference.py
It rewrites the JSON files next to it. The tests never run Python.
(Checked afterwards: networkx 3.6.1 gives the same values to 3e-16.)
"""
import json
import math
import os
import random
import sys
from fractions import Fraction

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))


def hand_graph():
    # 6 people; parallel a->b edges, reciprocal a<->b and c<->e, a self-loop
    # (c->c, dropped), a dangling node f (no out-edges), and betweenness ties
    # with different weights: a->c (1/2) vs a->d->c (1/3 + 1/6).
    nodes = ["a", "b", "c", "d", "e", "f"]
    edges = [
        ("a", "b", 2), ("a", "b", 1), ("b", "a", 1),
        ("a", "c", 2), ("a", "d", 3), ("d", "c", 6),
        ("b", "c", 1), ("c", "e", 2), ("e", "c", 1),
        ("c", "c", 5), ("d", "e", 1), ("e", "f", 4),
        ("b", "f", 1), ("c", "a", 1), ("e", "b", 2),
    ]
    return nodes, edges


def random_graph(seed=20240611, n=30, m=140):
    rng = random.Random(seed)
    nodes = [str(i) for i in range(n)]
    edges = []
    for _ in range(m):
        s = rng.randrange(n)
        # mild preferential bias towards low ids so scores are spread out
        t = min(rng.randrange(n), rng.randrange(n)) if rng.random() < 0.5 else rng.randrange(n)
        edges.append((str(s), str(t), rng.randint(1, 6)))
    # a dangling node: drop all out-edges of node 29
    edges = [e for e in edges if e[0] != "29"]
    return nodes, edges


def merged_digraph(nodes, edges):
    G = nx.DiGraph()
    G.add_nodes_from(nodes)
    for s, t, w in edges:
        if s == t:
            continue
        if G.has_edge(s, t):
            G[s][t]["weight"] += w
        else:
            G.add_edge(s, t, weight=w)
    return G


def values(G, d):
    return [float(d[v]) for v in G.nodes()]


def reference(name, nodes, edges):
    G = merged_digraph(nodes, edges)
    lcm = 1
    for _, _, w in G.edges(data="weight"):
        lcm = lcm * w // math.gcd(lcm, w)
    for u, v, data in G.edges(data=True):
        data["dist"] = 1.0 / data["weight"]  # float reciprocal, as the TS code uses
        data["idist"] = lcm // data["weight"]  # integer multiple: exact ties
    pr = nx.pagerank(G, alpha=0.85, weight="weight")
    pr_tight = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)
    bc_float = nx.betweenness_centrality(G, normalized=True, weight="dist")
    bc_exact = nx.betweenness_centrality(G, normalized=True, weight="idist")
    bc_raw = nx.betweenness_centrality(G, normalized=False, weight="idist")
    hubs, auths = nx.hits(G)
    return {
        "_source": (
            f"networkx {nx.__version__} (Debian python3-networkx), Python {sys.version.split()[0]}, "
            "generated once by test/analytics/graph/reference/generate-reference.py. "
            "Graph: nx.DiGraph over `nodes` (in order) with parallel `edges` summed into 'weight' and self-loops dropped. "
            "pagerank = nx.pagerank(G, alpha=0.85, weight='weight'); "
            "pagerankTight = nx.pagerank(G, alpha=0.85, weight='weight', tol=1e-13, max_iter=10000); "
            "betweennessFloat = nx.betweenness_centrality(G, normalized=True, weight='dist') with dist = 1.0/weight "
            "(exact float comparison of path lengths); "
            f"betweennessExactTies = same with weight='idist', idist = {lcm} // weight (integers, so equal lengths tie exactly; "
            "betweenness is invariant to scaling all lengths); "
            "betweennessUnnormalized = nx.betweenness_centrality(G, normalized=False, weight='idist'); "
            "hubs, authorities = nx.hits(G) (ARPACK svds, tol=1e-8, sum-normalized)."
        ),
        "name": name,
        "nodes": list(G.nodes()),
        "edges": [{"source": s, "target": t, "weight": w} for s, t, w in edges],
        "mergedEdgeCount": G.number_of_edges(),
        "pagerank": values(G, pr),
        "pagerankTight": values(G, pr_tight),
        "betweennessFloat": values(G, bc_float),
        "betweennessExactTies": values(G, bc_exact),
        "betweennessUnnormalized": values(G, bc_raw),
        "hubs": values(G, hubs),
        "authorities": values(G, auths),
    }


def main():
    for name, (nodes, edges) in {
        "hand6": hand_graph(),
        "random30": random_graph(),
    }.items():
        ref = reference(name, nodes, edges)
        with open(os.path.join(HERE, f"{name}.json"), "w") as f:
            json.dump(ref, f, indent=1)
            f.write("\n")
        diff = [
            (v, a, b)
            for v, a, b in zip(ref["nodes"], ref["betweennessFloat"], ref["betweennessExactTies"])
            if abs(a - b) > 1e-12
        ]
        print(name, "nodes", len(nodes), "merged edges", ref["mergedEdgeCount"], "float-vs-exact-tie differences:", diff)


if __name__ == "__main__":
    main()
