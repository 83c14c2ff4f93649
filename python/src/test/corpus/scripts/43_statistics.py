# statistics: central tendency, spread, quantiles, NormalDist, regression, fractions/decimals input.
import statistics as st
from fractions import Fraction
from decimal import Decimal
data = [2.5, 3.25, 5.5, 11.25, 11.75, 1.0, 7.5]
print(st.mean(data), st.fmean(data), st.median(data), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.mode([1, 1, 2, 3, 3, 3]), st.multimode("aabbbcccd"), st.geometric_mean([1, 4, 16]), st.harmonic_mean([40, 60]))
print(st.pstdev(data), st.stdev(data), st.pvariance(data), st.variance(data))
print(st.quantiles(range(1, 21), n=4), st.quantiles([1, 2, 3, 4, 5, 6], n=3, method="inclusive"), st.median_grouped([52, 52, 53, 54]))
print(st.mean([Fraction(1, 3), Fraction(2, 3), Fraction(1, 2)]), st.mean([Decimal("0.1"), Decimal("0.25")]), st.variance([Fraction(1), Fraction(3)]))
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
print(st.correlation(x, y), st.covariance(x, y), st.linear_regression(x, y), st.correlation(x, y, method="ranked"))
nd = st.NormalDist(100, 15)
print(nd.cdf(130), nd.inv_cdf(0.975), nd.pdf(100), nd.overlap(st.NormalDist(110, 15)), nd.zscore(85), nd + 5, nd * 2)
print(st.NormalDist.from_samples([1, 2, 3, 4, 5]), [round(q, 6) for q in nd.quantiles(4)])
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
try:
    st.stdev([1])
except st.StatisticsError as e:
    print("StatisticsError:", e)
