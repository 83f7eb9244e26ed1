/** The ordering skill's intents: ordering, reordering, status, cancelling, the pantry box, the purchase PIN. */
import { cancelOrder } from './cancel-order.js';
import { orderProduct } from './order-product.js';
import { orderStatus } from './order-status.js';
import { purchasePin } from './purchase-pin.js';
import { reorderItem } from './reorder-item.js';
import { sendPantryBox } from './send-pantry-box.js';

export const orderingIntents = {
  OrderProduct: orderProduct,
  ReorderItem: reorderItem,
  OrderStatus: orderStatus,
  CancelOrder: cancelOrder,
  SendPantryBox: sendPantryBox,
  PurchasePin: purchasePin,
};
