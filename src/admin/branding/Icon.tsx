/** The small logo at the start of the admin's breadcrumbs (Payload's "home" icon). */
import { ProductMark } from './ProductMark'
import { branding, PRODUCT_NAME } from './branding'
import './branding.css'

export function Icon() {
  const { organisationName, logoUrl } = branding()
  if (logoUrl) return <img className="lagesbild-icon" src={logoUrl} alt={organisationName ?? PRODUCT_NAME} />
  return <ProductMark size={20} />
}
