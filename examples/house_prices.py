# Linear regression on data from a file: a house's price (in 100,000s) against its floor area (in 100 m²), read
# from data/house-prices.csv next to this file. Downhill reads the CSV (it never runs this file); the columns the
# loss selects become constant arrays, as if they were written out here, so mini-batches and step-into work as usual.
import pandas as pd

houses = pd.read_csv("data/house-prices.csv")
area = houses["area"].to_numpy()
price = houses["price"].to_numpy()


def loss(w=0.0, b=0.0):
    return ((w * area + b - price) ** 2).mean()
