// Small instances embedded for tests that must not depend on the shared data folder.

/** Augerat P-n16-k8 (optimum 450, proven), as distributed by CVRPLIB. */
export const P_N16_K8 = `NAME : P-n16-k8
COMMENT : (Augerat et al, No of trucks: 8, Optimal value: 450)
TYPE : CVRP
DIMENSION : 16
EDGE_WEIGHT_TYPE : EUC_2D
CAPACITY : 35
NODE_COORD_SECTION
1 30 40
2 37 52
3 49 49
4 52 64
5 31 62
6 52 33
7 42 41
8 52 41
9 57 58
10 62 42
11 42 57
12 27 68
13 43 67
14 58 48
15 58 27
16 37 69
DEMAND_SECTION
1 0
2 19
3 30
4 16
5 23
6 11
7 31
8 15
9 28
10 8
11 8
12 7
13 14
14 6
15 19
16 11
DEPOT_SECTION
 1
 -1
EOF
`;

/** Its optimal solution in CVRPLIB format. */
export const P_N16_K8_SOL = `Route #1: 2
Route #2: 6
Route #3: 8
Route #4: 15 12 10
Route #5: 14 5
Route #6: 13 9 7
Route #7: 11 4
Route #8: 3 1
Cost 450
`;

/** The first 10 customers of Solomon C101, a tiny VRPTW instance. */
export const SOLOMON_TINY = `C101-10

VEHICLE
NUMBER     CAPACITY
  25         200

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      40         50          0          0       1236          0
    1      45         68         10        912        967         90
    2      45         70         30        825        870         90
    3      42         66         10         65        146         90
    4      42         68         10        727        782         90
    5      42         65         10         15         67         90
    6      40         69         20        621        702         90
    7      40         66         20        170        225         90
    8      38         68         20        255        324         90
    9      38         70         10        534        605         90
   10      35         66         10        357        410         90
`;
