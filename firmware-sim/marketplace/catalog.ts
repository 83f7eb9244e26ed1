/** The simulated shop's products. Prices are integer cents; sizes let the hub pack a pantry box. */
export interface SimProduct {
  sku: string;
  name: string;
  aliases: string[];
  priceCents: number;
  currency: 'EUR';
  packSize: string;
  category: 'coffee' | 'laundry' | 'kitchen' | 'paper' | 'dairy' | 'pantry' | 'bathroom' | 'office' | 'pets';
  /** Volume of one unit in millilitres, for the pantry box. */
  volumeMl: number;
  /** Weight of one unit in grams, for the pantry box. */
  weightG: number;
  pantryEligible: boolean;
}

const p = (
  sku: string, name: string, aliases: string[], priceCents: number, packSize: string,
  category: SimProduct['category'], volumeMl: number, weightG: number, pantryEligible = false,
): SimProduct => ({ sku, name, aliases, priceCents, currency: 'EUR', packSize, category, volumeMl, weightG, pantryEligible });

export const SIM_CATALOG: readonly SimProduct[] = [
  p('COF-BEAN-1KG', 'Morning Ridge coffee beans', ['coffee', 'coffee beans', 'beans', 'espresso beans'], 1399, '1 kg bag', 'coffee', 2600, 1000),
  p('COF-BEAN-250', 'Morning Ridge coffee beans small', ['small coffee', 'small bag of coffee'], 549, '250 g bag', 'coffee', 700, 250, true),
  p('COF-POD-30', 'Capsule coffee pods lungo', ['coffee pods', 'pods', 'capsules', 'coffee capsules'], 899, '30 pods', 'coffee', 900, 180),
  p('COF-DECAF-500', 'Quiet Night decaf ground coffee', ['decaf', 'decaf coffee', 'decaffeinated coffee'], 749, '500 g', 'coffee', 1300, 500, true),
  p('TEA-BLK-80', 'Breakfast black tea', ['tea', 'black tea', 'tea bags'], 429, '80 bags', 'pantry', 900, 250, true),
  p('LAU-LIQ-3L', 'Fresh Fold liquid laundry detergent', ['detergent', 'laundry detergent', 'washing liquid'], 1149, '3 l bottle', 'laundry', 3200, 3100),
  p('LAU-POD-40', 'Fresh Fold laundry pods', ['laundry pods', 'washing pods', 'detergent pods'], 1299, '40 pods', 'laundry', 1800, 1000),
  p('LAU-SOFT-2L', 'Cloud fabric softener', ['fabric softener', 'softener'], 499, '2 l bottle', 'laundry', 2100, 2050),
  p('DSH-SOAP-750', 'Citrus dish soap', ['dish soap', 'washing up liquid', 'dishwashing liquid'], 289, '750 ml', 'kitchen', 800, 790, true),
  p('DSH-TAB-60', 'Sparkle dishwasher tablets', ['dishwasher tablets', 'dishwasher tabs', 'tabs'], 1049, '60 tablets', 'kitchen', 1500, 1100),
  p('DSH-SALT-2KG', 'Dishwasher salt', ['salt for the dishwasher', 'dishwasher salt'], 249, '2 kg', 'kitchen', 1600, 2000),
  p('DSH-RINSE-500', 'Dishwasher rinse aid', ['rinse aid'], 349, '500 ml', 'kitchen', 550, 520, true),
  p('PAP-TWL-8', 'Strong paper towels', ['paper towels', 'kitchen roll', 'kitchen towels'], 699, '8 rolls', 'paper', 12000, 1400),
  p('PAP-TP-24', 'Soft toilet paper', ['toilet paper', 'toilet roll', 'loo roll'], 1199, '24 rolls', 'paper', 30000, 2600),
  p('PAP-TIS-4', 'Facial tissues', ['tissues', 'paper tissues'], 399, '4 boxes', 'paper', 6000, 400),
  p('MLK-WHL-1L', 'Whole milk', ['milk', 'whole milk', 'full fat milk'], 119, '1 l', 'dairy', 1050, 1040, true),
  p('MLK-OAT-1L', 'Oat drink barista', ['oat milk', 'oat drink'], 219, '1 l', 'dairy', 1050, 1030, true),
  p('PAN-PASTA-500', 'Penne pasta', ['pasta', 'penne'], 129, '500 g', 'pantry', 900, 500, true),
  p('PAN-RICE-1KG', 'Basmati rice', ['rice', 'basmati'], 299, '1 kg', 'pantry', 1200, 1000, true),
  p('PAN-OIL-750', 'Olive oil extra virgin', ['olive oil', 'oil'], 799, '750 ml', 'pantry', 850, 1100, true),
  p('PAN-TOM-400', 'Chopped tomatoes tin', ['chopped tomatoes', 'tomatoes', 'tinned tomatoes'], 99, '400 g tin', 'pantry', 450, 460, true),
  p('PAN-OATS-1KG', 'Rolled oats', ['oats', 'porridge oats', 'oatmeal'], 199, '1 kg', 'pantry', 2000, 1000, true),
  p('PAN-SUGAR-1KG', 'Cane sugar', ['sugar'], 189, '1 kg', 'pantry', 1000, 1000, true),
  p('BTH-SHMP-400', 'Mild shampoo', ['shampoo'], 449, '400 ml', 'bathroom', 450, 430, true),
  p('BTH-TPST-2', 'Mint toothpaste twin pack', ['toothpaste'], 379, '2 x 75 ml', 'bathroom', 300, 200, true),
  p('BTH-SOAP-500', 'Hand soap refill', ['hand soap', 'soap', 'liquid soap'], 329, '500 ml', 'bathroom', 550, 520, true),
  p('OFF-INK-BLK', 'Printer ink black XL', ['printer ink', 'ink', 'black ink', 'ink cartridge'], 2899, '1 cartridge', 'office', 200, 90, true),
  p('OFF-INK-CLR', 'Printer ink colour', ['colour ink', 'color ink', 'colour cartridge'], 3299, '1 cartridge', 'office', 200, 95, true),
  p('OFF-PAPER-500', 'Printer paper A4', ['printer paper', 'copy paper', 'a4 paper'], 549, '500 sheets', 'office', 3200, 2500),
  p('PET-CAT-2KG', 'Dry cat food chicken', ['cat food', 'cat biscuits'], 1349, '2 kg', 'pets', 4500, 2000),
  p('BAT-AA-8', 'AA batteries', ['batteries', 'aa batteries', 'double a batteries'], 699, '8 pack', 'office', 150, 190, true),
  p('BIN-BAG-30', 'Bin bags 30 l', ['bin bags', 'trash bags', 'garbage bags', 'rubbish bags'], 349, '40 bags', 'kitchen', 800, 600, true),
];
